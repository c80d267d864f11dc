package org.minsheng.ingest.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's {@code <meta>} tags by name, property or itemprop, matched case-insensitively after trimming spaces
 * (ifeng writes {@code name="og:time "}); the first non-empty value of a name wins.
 */
final class MetaTags {
  private final Map<String, String> values = new HashMap<>();

  MetaTags(Document doc) {
    for (Element m : doc.select("meta[content]")) {
      String content = m.attr("content").strip();
      if (content.isEmpty()) {
        continue;
      }
      for (String attr : List.of("name", "property", "itemprop", "http-equiv")) {
        String key = m.attr(attr).strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) {
          values.putIfAbsent(key, content);
        }
      }
    }
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The first of {@code names} present. */
  Optional<String> first(List<String> names) {
    for (String n : names) {
      Optional<String> v = get(n);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }
}
