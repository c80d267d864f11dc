package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes pinyin left in parentheses after a character by sites that annotate (or mis-convert) their text:
 * {@code 關(guān)注} → {@code 關注}, {@code 會（huì）} → {@code 會}. Only parentheses right after a Han character holding a
 * single syllable of Latin letters are touched, and (by default) only when the syllable carries a tone mark, so
 * {@code 苹果(Apple)} and {@code 北京(BJ)} stay.
 *
 * <p>Settings: {@code requireToneMark} (default true), {@code maxSyllableLength} (default 7).
 */
public final class PinyinResidueFilter implements CleaningFilter {
  private static final String TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
  private boolean requireToneMark = true;
  private Pattern pattern = build(7);

  @Override
  public String name() {
    return "pinyin-residue";
  }

  @Override
  public void configure(JsonNode settings) {
    FilterSettings s = new FilterSettings(name(), settings);
    requireToneMark = s.bool("requireToneMark", true);
    int max = s.integer("maxSyllableLength", 7);
    if (max < 1) {
      throw new IllegalArgumentException("clean.pinyin-residue.maxSyllableLength must be ≥ 1, got " + max);
    }
    pattern = build(max);
  }

  private static Pattern build(int max) {
    return Pattern.compile("(\\p{IsHan})\\s?[(（]\\s?([a-zA-Zü" + TONED + "]{1," + max + "})\\s?[)）]");
  }

  @Override
  public String apply(String text) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String syllable = m.group(2);
      boolean pinyin = !requireToneMark || syllable.chars().anyMatch(c -> TONED.indexOf(c) >= 0);
      m.appendReplacement(out, Matcher.quoteReplacement(pinyin ? m.group(1) : m.group(0)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
