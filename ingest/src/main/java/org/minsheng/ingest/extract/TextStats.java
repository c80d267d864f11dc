package org.minsheng.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Per-element totals computed in one pass over the tree, so that scoring never calls {@code Element.text()} or
 * {@code select()} per element (which made extraction quadratic on pages with deep templates).
 */
final class TextStats {
  private final Map<Element, int[]> stats = new IdentityHashMap<>();

  private TextStats() {}

  /** Non-whitespace characters, sentence punctuation marks and {@code <img>} elements below each element. */
  static TextStats of(Element root) {
    TextStats s = new TextStats();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t && t.parent() != null) {
          int[] st = s.get(t.parent());
          String text = t.getWholeText();
          for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000') {
              st[0]++;
              if (TextBlocks.isSentencePunctuation(text, i)) {
                st[1]++;
              }
            }
          }
        } else if (node instanceof Element e && e.normalName().equals("img")) {
          s.get(e)[2]++;
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e != root && e.parent() != null) {
          int[] mine = s.get(e);
          int[] up = s.get(e.parent());
          up[0] += mine[0];
          up[1] += mine[1];
          up[2] += mine[2];
        }
      }
    }, root);
    return s;
  }

  private int[] get(Element e) {
    return stats.computeIfAbsent(e, k -> new int[3]);
  }

  int chars(Element e) {
    int[] st = stats.get(e);
    return st == null ? 0 : st[0];
  }

  int punctuation(Element e) {
    int[] st = stats.get(e);
    return st == null ? 0 : st[1];
  }

  boolean hasImage(Element e) {
    int[] st = stats.get(e);
    return st != null && st[2] > 0;
  }
}
