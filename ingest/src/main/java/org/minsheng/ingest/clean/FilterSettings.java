package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Small typed readers over a filter's settings node, with error messages that name the setting. */
final class FilterSettings {
  private final String filter;
  private final JsonNode node;

  FilterSettings(String filter, JsonNode node) {
    this.filter = filter;
    this.node = node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
  }

  double number(String key, double fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException("clean." + filter + "." + key + " must be a number, got " + v);
    }
    return v.asDouble();
  }

  int integer(String key, int fallback) {
    return (int) number(key, fallback);
  }

  boolean bool(String key, boolean fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("clean." + filter + "." + key + " must be true or false, got " + v);
    }
    return v.asBoolean();
  }

  List<String> strings(String key, List<String> fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("clean." + filter + "." + key + " must be a list of strings, got " + v);
    }
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(x.asText()));
    return List.copyOf(out);
  }

  List<Pattern> patterns(String key, List<String> fallback) {
    List<Pattern> out = new ArrayList<>();
    for (String s : strings(key, fallback)) {
      try {
        out.add(Pattern.compile(s));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("clean." + filter + "." + key + ": bad regular expression " + s + ": "
            + e.getDescription(), e);
      }
    }
    return List.copyOf(out);
  }
}
