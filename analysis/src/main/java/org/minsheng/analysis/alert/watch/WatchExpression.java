package org.minsheng.analysis.alert.watch;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The tree of a watch-list expression, e.g. {@code 拆迁 AND (补偿 OR 强拆) NOT 招聘}. Parsed by
 * {@link WatchExpressionParser}; evaluated against a post's normalised text and tokens.
 *
 * <p>Matching: a <b>term</b> made only of Han characters matches as a substring of the normalised text (segmentation
 * may split 强拆 differently from the rule's author) or as a token; any other term (Latin words, digits) must equal a
 * token, ignoring case, so {@code AI} does not match {@code maid}. A <b>"quoted phrase"</b> matches as a substring of
 * the text, ignoring case and with runs of white space collapsed.
 */
public sealed interface WatchExpression extends Serializable {

  boolean matches(MatchInput in);

  /** Canonical form with full parentheses, for logs and tests. */
  String canonical();

  /** The text a post is matched against: normalised text (lower-cased, spaces collapsed) and tokens (lower-cased). */
  record MatchInput(String text, java.util.Set<String> tokens) {
    public static MatchInput of(String normalisedText, List<String> tokens) {
      String t = normalisedText == null ? "" : normalisedText.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      java.util.Set<String> set = new java.util.HashSet<>();
      if (tokens != null) {
        for (String tok : tokens) {
          set.add(tok.toLowerCase(Locale.ROOT));
        }
      }
      return new MatchInput(t, set);
    }
  }

  record Term(String word) implements WatchExpression {
    @Override
    public boolean matches(MatchInput in) {
      String w = word.toLowerCase(Locale.ROOT);
      if (in.tokens().contains(w)) {
        return true;
      }
      return allHan(w) && in.text().contains(w);
    }

    @Override
    public String canonical() {
      return word;
    }

    private static boolean allHan(String s) {
      return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
  }

  record Phrase(String phrase) implements WatchExpression {
    @Override
    public boolean matches(MatchInput in) {
      return in.text().contains(phrase.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    }

    /** In ASCII quotes, or in “” when the phrase itself holds an ASCII quote (it was typed in “”), so it parses back. */
    @Override
    public String canonical() {
      return phrase.indexOf('"') >= 0 ? "“" + phrase + "”" : "\"" + phrase + "\"";
    }
  }

  record And(WatchExpression left, WatchExpression right) implements WatchExpression {
    @Override
    public boolean matches(MatchInput in) {
      return left.matches(in) && right.matches(in);
    }

    @Override
    public String canonical() {
      return "(" + left.canonical() + " AND " + right.canonical() + ")";
    }
  }

  record Or(WatchExpression left, WatchExpression right) implements WatchExpression {
    @Override
    public boolean matches(MatchInput in) {
      return left.matches(in) || right.matches(in);
    }

    @Override
    public String canonical() {
      return "(" + left.canonical() + " OR " + right.canonical() + ")";
    }
  }

  record Not(WatchExpression operand) implements WatchExpression {
    @Override
    public boolean matches(MatchInput in) {
      return !operand.matches(in);
    }

    @Override
    public String canonical() {
      return "NOT " + operand.canonical();
    }
  }
}
