package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops lists of novel or article titles and the recommendation blocks at the end of pages.
 *
 * <ul>
 *   <li>a list line: at least {@code minItems} items separated by two or more spaces, ideographic spaces or bars, of
 *       average length at most {@code maxAverageItemLength}, with no 。！？ (seed 000's "魅魔模拟器  五仙门  …");
 *   <li>a tail marker: a short line that is one of {@code tailMarkers} (热门小说推荐, 相关阅读, 猜你喜欢, …) in the
 *       last part of the text (after {@code minMarkerPosition} of the lines) cuts that line and everything after it;
 *   <li>blurb lines matching {@code blurbPatterns} ("如果您喜欢…别忘记分享给朋友").
 * </ul>
 */
public final class RecommendationListFilter implements CleaningFilter {
  static final List<String> DEFAULT_TAIL_MARKERS = List.of("热门小说推荐", "每日热搜小说推荐", "小说推荐", "猜你喜欢",
      "相关阅读", "相关推荐", "推荐阅读", "热门推荐", "相关文章", "相关新闻", "延伸阅读", "精彩推荐", "热门文章", "最新文章",
      "图片新闻", "热点资讯", "热点聚焦", "频道精选", "热门搜索", "为你推荐", "更多推荐", "热门阅读", "排行榜", "24小时排行");
  static final List<String> DEFAULT_BLURBS = List.of("如果您喜欢.{1,60}别忘记分享给朋友", "简介\\s*(emsp)+\\s*关于");
  private static final Pattern LIST_SPLIT = Pattern.compile("\\s{2,}|\\u3000+|\\s*[|｜丨]\\s*");

  private List<String> tailMarkers = DEFAULT_TAIL_MARKERS;
  private List<Pattern> blurbs = DEFAULT_BLURBS.stream().map(Pattern::compile).toList();
  private int minItems = 4;
  private int maxAverageItemLength = 16;
  private double minMarkerPosition = 0.3;

  @Override
  public String name() {
    return "recommendation-lists";
  }

  @Override
  public void configure(JsonNode settings) {
    FilterSettings s = new FilterSettings(name(), settings);
    tailMarkers = s.strings("tailMarkers", DEFAULT_TAIL_MARKERS);
    blurbs = s.patterns("blurbPatterns", DEFAULT_BLURBS);
    minItems = s.integer("minItems", 4);
    maxAverageItemLength = s.integer("maxAverageItemLength", 16);
    minMarkerPosition = s.number("minMarkerPosition", 0.3);
  }

  @Override
  public String apply(String text) {
    List<String> lines = Lines.split(text);
    int cut = lines.size();
    for (int i = (int) Math.floor(lines.size() * minMarkerPosition); i < lines.size(); i++) {
      if (isTailMarker(lines.get(i))) {
        cut = i;
        break;
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < cut; i++) {
      String line = lines.get(i);
      if (!isList(line) && blurbs.stream().noneMatch(p -> p.matcher(line).find())) {
        out.add(line);
      }
    }
    return Lines.join(out);
  }

  boolean isTailMarker(String line) {
    String t = line.strip().replaceAll("[:：>»\\s]+$", "");
    return t.length() <= 12 && tailMarkers.contains(t);
  }

  boolean isList(String line) {
    String t = line.strip();
    if (t.isEmpty() || t.contains("。") || t.contains("！") || t.contains("？")) {
      return false;
    }
    String[] items = LIST_SPLIT.split(t);
    if (items.length < minItems) {
      return false;
    }
    int total = 0;
    for (String item : items) {
      total += item.length();
    }
    return (double) total / items.length <= maxAverageItemLength;
  }
}
