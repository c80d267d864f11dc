package org.minsheng.ingest.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Splits the text of an element into {@link TextBlock}s at block-level element boundaries and {@code <br>}. */
final class TextBlocks {
  /** Attribute set on elements (comment sections, share bars, …) whose text counts against a container. */
  static final String UNLIKELY = "data-minsheng-unlikely";
  static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header", "li", "ul", "ol",
      "dl", "dt", "dd", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6",
      "blockquote", "pre", "figure", "figcaption", "center", "form", "fieldset", "address", "body", "br", "hr",
      "caption", "font-block");

  private TextBlocks() {}

  static List<TextBlock> of(Element root) {
    Collector c = new Collector(root);
    NodeTraversor.traverse(c, root);
    c.flush();
    return c.blocks;
  }

  private static final class Collector implements NodeVisitor {
    final List<TextBlock> blocks = new ArrayList<>();
    final Deque<Element> owners = new ArrayDeque<>();
    final StringBuilder text = new StringBuilder();
    int chars;
    int linkChars;
    int punctuation;
    int linkDepth;
    int unlikelyDepth;
    boolean unlikely;

    Collector(Element root) {
      owners.push(root);
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        append(t.getWholeText());
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (e.hasAttr(UNLIKELY)) {
          flush();
          unlikelyDepth++;
        }
        if (tag.equals("a")) {
          linkDepth++;
        } else if (BLOCK_TAGS.contains(tag)) {
          flush();
          if (!tag.equals("br") && !tag.equals("hr")) {
            owners.push(e);
          }
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("a")) {
          linkDepth = Math.max(0, linkDepth - 1);
        } else if (BLOCK_TAGS.contains(tag) && !tag.equals("br") && !tag.equals("hr")) {
          flush();
          if (owners.size() > 1 && owners.peek() == e) {
            owners.pop();
          }
        }
        if (e.hasAttr(UNLIKELY)) {
          flush();
          unlikelyDepth--;
        }
      }
    }

    private void append(String s) {
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        boolean space = Character.isWhitespace(ch) || ch == '\u00A0' || ch == '\u3000' || ch == '\u200B' || ch == '\uFEFF';
        if (space) {
          if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
          }
          continue;
        }
        text.append(ch);
        chars++;
        unlikely |= unlikelyDepth > 0;
        if (linkDepth > 0) {
          linkChars++;
        } else if (isSentencePunctuation(s, i)) {
          punctuation++;
        }
      }
    }

    void flush() {
      if (chars > 0) {
        String t = text.toString().strip();
        blocks.add(new TextBlock(owners.peek(), t, chars, linkChars, punctuation, blocks.size(), unlikely));
      }
      text.setLength(0);
      chars = 0;
      linkChars = 0;
      punctuation = 0;
      unlikely = false;
    }
  }

  static boolean isSentencePunctuation(String s, int i) {
    char c = s.charAt(i);
    switch (c) {
      case '，', '。', '！', '？', '；', '、', ',', '!', '?', ';' -> {
        return true;
      }
      case '.' -> {
        return i + 1 >= s.length() || s.charAt(i + 1) == ' ';
      }
      default -> {
        return false;
      }
    }
  }
}
