package org.minsheng.ingest.weibo;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Weibo {@code text} HTML → plain text (REFERENCE-FORMATS §1.7): {@code <br>} → newline, emoticons → their alt text
 * ({@code [怒]}), link icons dropped with their labels kept, mentions and hashtags kept, the trailing 全文 stub and
 * zero-width spaces removed.
 */
public final class WeiboText {
  private WeiboText() {}

  public static String toPlain(String html) {
    if (html == null) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    for (Element a : doc.select("a")) {
      if (a.text().trim().equals("全文") && a.attr("href").contains("/status/")) {
        a.remove();
      }
    }
    for (Element img : doc.select("span.url-icon img")) {
      String alt = img.attr("alt");
      if (!alt.isBlank() && alt.startsWith("[")) {
        img.replaceWith(new TextNode(alt));
      } else {
        img.remove();
      }
    }
    for (Element br : doc.select("br")) {
      br.replaceWith(new TextNode("\n"));
    }
    StringBuilder sb = new StringBuilder();
    append(doc.body(), sb);
    String text = sb.toString().replace("\u200b", "").replace('\u00a0', ' ');
    text = text.replaceAll("[ \\t]+", " ").replaceAll(" *\n *", "\n").trim();
    if (text.endsWith("...")) {
      text = text.substring(0, text.length() - 3).trim();
    }
    return text;
  }

  private static void append(Node node, StringBuilder sb) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        sb.append(t.getWholeText());
      } else {
        append(child, sb);
      }
    }
  }
}
