package org.minsheng.analysis.normalise;

import java.util.regex.Pattern;

/**
 * Removes pinyin readings left in parentheses after Han characters, a residue of pages with ruby annotations copied as
 * text: {@code 關(guān)注} → {@code 關注}, {@code 重(chong2)庆} → {@code 重庆}, several syllables {@code 民声(mín shēng)} too.
 *
 * <p>Only parentheses that directly follow a Han character and contain nothing but pinyin syllables carrying a tone
 * (a tone-marked vowel such as {@code ā ǎ ü}, or a tone digit 1–5 after each syllable) are removed. Toneless ASCII in
 * parentheses ({@code 北京(Beijing)}, {@code 关(guan)}) is kept on purpose: it cannot be told apart from an English gloss
 * or an abbreviation, and deleting real content is worse than keeping a rare residue. Run after {@link FullWidth} so
 * that full-width parentheses {@code （guān）} are covered.
 */
public final class PinyinResidue {
  private static final String TONED_VOWEL = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
  private static final String LETTER = "a-zA-ZüÜ" + TONED_VOWEL;
  /** A syllable with a tone mark somewhere in it, optionally followed by a tone digit. */
  private static final String MARKED = "[" + LETTER + "]*[" + TONED_VOWEL + "][" + LETTER + "]*";
  /** A toneless syllable followed by its tone digit: chong2. */
  private static final String DIGIT_TONED = "[a-zA-ZüÜv]{1,6}[1-5]";
  private static final String SYLLABLE = "(?:" + MARKED + "|" + DIGIT_TONED + ")";
  private static final Pattern RESIDUE = Pattern.compile(
      "(?<=\\p{IsHan})\\(\\s*" + SYLLABLE + "(?:[\\s'·-]*" + SYLLABLE + ")*\\s*\\)");

  private PinyinResidue() {}

  public static String remove(String text) {
    if (text == null || text.indexOf('(') < 0) {
      return text;
    }
    return RESIDUE.matcher(text).replaceAll("");
  }
}
