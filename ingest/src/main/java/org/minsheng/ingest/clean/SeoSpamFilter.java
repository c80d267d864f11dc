package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Drops SEO spam blocks injected into hacked pages: link-farm lists such as seed 003's {@code 主站蜘蛛池模板: 精品一区二区…
 * | 久久…} and keyword strings joined by {@code I} or {@code |}.
 *
 * <p>A line is spam when it contains a {@code markers} phrase, or when it splits (on {@code |}, {@code I} between Han
 * characters, {@code 丨}, runs of spaces) into at least {@code minItems} items of which at least {@code minSpamShare}
 * contain a {@code spamWords} term.
 */
public final class SeoSpamFilter implements CleaningFilter {
  static final List<String> DEFAULT_MARKERS = List.of("蜘蛛池", "站群", "黑帽SEO", "SEO优化排名", "快速排名");
  static final List<String> DEFAULT_SPAM_WORDS = List.of("国产", "精品", "久久", "无码", "欧美", "亚洲", "日韩", "一区",
      "二区", "三区", "在线观看", "视频", "免费", "av", "成人", "人妻", "少妇", "熟女", "麻豆", "高清", "中文字幕",
      "色", "爽", "黄", "激情", "福利", "午夜", "乱", "性", "超碰", "91", "影院", "码");
  private static final Pattern SPLIT = Pattern.compile("\\s*[|｜丨]\\s*|(?<=[\\p{IsHan}\\d])I(?=[\\p{IsHan}a-z\\d])|\\s{2,}");

  private List<String> markers = DEFAULT_MARKERS;
  private List<String> spamWords = DEFAULT_SPAM_WORDS;
  private int minItems = 5;
  private double minSpamShare = 0.5;

  @Override
  public String name() {
    return "seo-spam";
  }

  @Override
  public void configure(JsonNode settings) {
    FilterSettings s = new FilterSettings(name(), settings);
    markers = s.strings("markers", DEFAULT_MARKERS);
    spamWords = s.strings("spamWords", DEFAULT_SPAM_WORDS).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    minItems = s.integer("minItems", 5);
    minSpamShare = s.number("minSpamShare", 0.5);
  }

  @Override
  public String apply(String text) {
    List<String> out = new ArrayList<>();
    for (String line : Lines.split(text)) {
      if (!isSpam(line)) {
        out.add(line);
      }
    }
    return Lines.join(out);
  }

  boolean isSpam(String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return false;
    }
    for (String m : markers) {
      if (t.contains(m)) {
        return true;
      }
    }
    String[] items = SPLIT.split(t);
    if (items.length < minItems) {
      return false;
    }
    int spam = 0;
    for (String item : items) {
      String lower = item.toLowerCase(Locale.ROOT);
      if (spamWords.stream().anyMatch(lower::contains)) {
        spam++;
      }
    }
    return spam >= minSpamShare * items.length;
  }
}
