package org.minsheng.ingest.extract;

import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The headline: an {@code <h1>}/{@code <h2>} whose text is part of {@code og:title} or {@code <title>} (the visible
 * headline, without the site name); otherwise {@code og:title}, otherwise {@code <title>}, with a site-name suffix
 * ("标题_网易新闻", "标题 - 新浪网", "标题|凤凰网") stripped by keeping the longest segment; otherwise the first
 * {@code <h1>}.
 */
final class TitleFinder {
  private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:_|\\||｜|丨| - | — | – |－|--|(?<=\\p{IsHan})-(?=\\p{IsHan}))\\s*");

  String find(Document doc, MetaTags meta) {
    String og = meta.first(java.util.List.of("og:title", "twitter:title")).map(String::strip).orElse("");
    String title = doc.title().strip();
    for (Element h : doc.select("h1, h2")) {
      String t = h.text().strip();
      if (t.length() >= 4 && (contains(og, t) || contains(title, t))) {
        return t;
      }
    }
    if (!og.isEmpty()) {
      return stripSiteName(og);
    }
    if (!title.isEmpty()) {
      return stripSiteName(title);
    }
    Element h1 = doc.selectFirst("h1");
    return h1 == null || h1.text().isBlank() ? null : h1.text().strip();
  }

  private static boolean contains(String haystack, String needle) {
    return !haystack.isEmpty() && squeeze(haystack).contains(squeeze(needle));
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  static String stripSiteName(String title) {
    String[] parts = SEPARATORS.split(title);
    if (parts.length < 2) {
      return title;
    }
    return Arrays.stream(parts).max(Comparator.comparingInt(String::length)).orElse(title).strip();
  }
}
