package org.minsheng.api.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** HTML escaping for server-rendered pages. */
public final class Html {
  private Html() {
  }

  public static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = String.valueOf(value);
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  public static String url(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Only http(s) links from documents are rendered as links (no javascript: URLs). */
  public static boolean safeLink(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://"));
  }
}
