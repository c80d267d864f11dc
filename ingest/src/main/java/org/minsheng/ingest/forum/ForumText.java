package org.minsheng.ingest.forum;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Text of a forum post body with line breaks kept ({@code <br>}, block elements) and whitespace tidied. */
final class ForumText {
  private ForumText() {}

  static String of(Element body) {
    StringBuilder sb = new StringBuilder();
    walk(body, sb);
    return sb.toString().replace('\u00a0', ' ').replace("\u200b", "").replaceAll("[ \\t\\u3000]+", " ")
        .replaceAll(" *\n[ \n]*", "\n").trim();
  }

  private static void walk(Node node, StringBuilder sb) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        sb.append(t.text());
      } else if (child instanceof Element e) {
        if (e.tagName().equals("br")) {
          sb.append('\n');
          continue;
        }
        boolean block = e.isBlock();
        if (block) {
          sb.append('\n');
        }
        walk(e, sb);
        if (block) {
          sb.append('\n');
        }
      }
    }
  }
}
