package org.minsheng.analysis.alert.watch;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for watch-list expressions. Grammar (operators upper case; juxtaposition means AND;
 * {@code A NOT B} means {@code A AND NOT B}; precedence NOT &gt; AND &gt; OR):
 *
 * <pre>
 * expression := or EOF
 * or         := and ( "OR" and )*
 * and        := unary ( ( "AND" )? unary | "NOT" unary )*
 * unary      := "NOT" unary | primary
 * primary    := "(" or ")" | PHRASE | TERM
 * PHRASE     := '"' any character but '"' '"'
 * TERM       := run of characters other than white space, parentheses and '"'
 * </pre>
 *
 * Full-width parentheses （） and quotes “” are accepted as well, since Chinese input methods produce them.
 *
 * <p>Limits, so that a hostile or runaway rule ends as a clear error instead of a {@link StackOverflowError} here or
 * in {@link WatchExpression#matches}: at most {@value #MAX_OPERANDS} terms and phrases, at most {@value #MAX_DEPTH}
 * nested parentheses or {@code NOT}s while parsing, and a tree at most {@value #MAX_DEPTH} operators deep (a chain
 * {@code a OR b OR c} is two deep). Both are properties of the tree, so an accepted expression's
 * {@link WatchExpression#canonical() canonical form} is accepted too.
 */
public final class WatchExpressionParser {
  /** Most terms and phrases in one expression. */
  public static final int MAX_OPERANDS = 500;
  /** Deepest nesting accepted: of parentheses and NOTs in the text, and of operators in the parsed tree. */
  public static final int MAX_DEPTH = 500;

  private enum Kind { TERM, PHRASE, AND, OR, NOT, LPAREN, RPAREN, EOF }

  private record Tok(Kind kind, String text, int column) {}

  private final String source;
  private final List<Tok> tokens;
  private int pos;
  private int depth;
  private int operands;

  private WatchExpressionParser(String source) {
    this.source = source;
    this.tokens = lex(source);
  }

  /** Parses {@code expression}; throws {@link WatchExpressionException} naming the column of the first problem. */
  public static WatchExpression parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new WatchExpressionException(expression == null ? "" : expression, 1, "empty expression");
    }
    WatchExpressionParser p = new WatchExpressionParser(expression);
    WatchExpression e = p.or();
    Tok t = p.peek();
    if (t.kind != Kind.EOF) {
      throw p.error(t, t.kind == Kind.RPAREN ? "unmatched ')'" : "unexpected " + describe(t));
    }
    if (depth(e) > MAX_DEPTH) {
      throw new WatchExpressionException(expression, 1, "more than " + MAX_DEPTH + " nested operators");
    }
    return e;
  }

  private WatchExpression or() {
    WatchExpression left = and();
    while (peek().kind == Kind.OR) {
      Tok op = next();
      expectOperand(op);
      left = new WatchExpression.Or(left, and());
    }
    return left;
  }

  private WatchExpression and() {
    WatchExpression left = unary();
    while (true) {
      Tok t = peek();
      if (t.kind == Kind.AND) {
        next();
        left = new WatchExpression.And(left, operand(t));
      } else if (t.kind == Kind.NOT) {
        next();
        left = new WatchExpression.And(left, new WatchExpression.Not(operand(t)));
      } else if (t.kind == Kind.TERM || t.kind == Kind.PHRASE || t.kind == Kind.LPAREN) {
        left = new WatchExpression.And(left, unary());
      } else {
        return left;
      }
    }
  }

  /** The operand after a binary operator, with an error naming the operator when it is missing. */
  private WatchExpression operand(Tok operator) {
    expectOperand(operator);
    return unary();
  }

  private void expectOperand(Tok operator) {
    Tok t = peek();
    if (t.kind == Kind.EOF || t.kind == Kind.RPAREN || t.kind == Kind.AND || t.kind == Kind.OR) {
      throw error(t, "expected a term, phrase or '(' after " + operator.text + " (column " + operator.column
          + ") but found " + describe(t));
    }
  }

  private WatchExpression unary() {
    Tok t = peek();
    if (t.kind == Kind.NOT) {
      next();
      enter(t);
      WatchExpression operand = operand(t);
      depth--;
      return new WatchExpression.Not(operand);
    }
    return primary();
  }

  private WatchExpression primary() {
    Tok t = next();
    if ((t.kind == Kind.TERM || t.kind == Kind.PHRASE) && ++operands > MAX_OPERANDS) {
      throw error(t, "more than " + MAX_OPERANDS + " terms and phrases");
    }
    switch (t.kind) {
      case TERM:
        return new WatchExpression.Term(t.text);
      case PHRASE:
        if (t.text.isBlank()) {
          throw error(t, "empty phrase");
        }
        return new WatchExpression.Phrase(t.text);
      case LPAREN: {
        if (peek().kind == Kind.RPAREN) {
          throw error(peek(), "empty parentheses");
        }
        enter(t);
        WatchExpression inner = or();
        Tok close = peek();
        if (close.kind != Kind.RPAREN) {
          throw error(close, "missing ')' for '(' at column " + t.column + ", found " + describe(close));
        }
        next();
        depth--;
        return inner;
      }
      default:
        throw error(t, "expected a term, phrase or '(' but found " + describe(t));
    }
  }

  /** Operators on the longest path from the root (bounded: operands and parse nesting are limited first). */
  private static int depth(WatchExpression e) {
    if (e instanceof WatchExpression.And a) {
      return 1 + Math.max(depth(a.left()), depth(a.right()));
    }
    if (e instanceof WatchExpression.Or o) {
      return 1 + Math.max(depth(o.left()), depth(o.right()));
    }
    if (e instanceof WatchExpression.Not n) {
      return 1 + depth(n.operand());
    }
    return 0;
  }

  private void enter(Tok at) {
    if (++depth > MAX_DEPTH) {
      throw error(at, "nested deeper than " + MAX_DEPTH + " levels of parentheses or NOT");
    }
  }

  private Tok peek() {
    return tokens.get(pos);
  }

  private Tok next() {
    Tok t = tokens.get(pos);
    if (t.kind != Kind.EOF) {
      pos++;
    }
    return t;
  }

  private WatchExpressionException error(Tok at, String problem) {
    return new WatchExpressionException(source, at.column, problem);
  }

  private static String describe(Tok t) {
    return switch (t.kind) {
      case EOF -> "the end of the expression";
      case LPAREN -> "'('";
      case RPAREN -> "')'";
      case PHRASE -> "phrase \"" + t.text + "\"";
      default -> "'" + t.text + "'";
    };
  }

  private static List<Tok> lex(String s) {
    List<Tok> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u3000') {
        i++;
      } else if (c == '(' || c == '（') {
        out.add(new Tok(Kind.LPAREN, String.valueOf(c), i + 1));
        i++;
      } else if (c == ')' || c == '）') {
        out.add(new Tok(Kind.RPAREN, String.valueOf(c), i + 1));
        i++;
      } else if (c == '"' || c == '“' || c == '”') {
        int start = i;
        char close = c == '“' ? '”' : '"';
        int end = i + 1;
        while (end < n && s.charAt(end) != close && !(close == '"' && s.charAt(end) == '”')) {
          end++;
        }
        if (end >= n) {
          throw new WatchExpressionException(s, start + 1, "unclosed quote");
        }
        out.add(new Tok(Kind.PHRASE, s.substring(start + 1, end), start + 1));
        i = end + 1;
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(s.charAt(i)) && "()（）\"“”\u3000".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        String word = s.substring(start, i);
        Kind k = switch (word) {
          case "AND" -> Kind.AND;
          case "OR" -> Kind.OR;
          case "NOT" -> Kind.NOT;
          default -> Kind.TERM;
        };
        out.add(new Tok(k, word, start + 1));
      }
    }
    out.add(new Tok(Kind.EOF, "", n + 1));
    return out;
  }
}
