package org.minsheng.analysis.alert.watch;

/** A watch-list expression that does not parse; the message names the problem and its 1-based column. */
public class WatchExpressionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int column;

  public WatchExpressionException(String expression, int column, String problem) {
    super(problem + " at column " + column + " in '" + expression + "'\n  " + expression + "\n  "
        + " ".repeat(Math.max(0, column - 1)) + "^");
    this.column = column;
  }

  /** 1-based column (in characters) where the problem was found. */
  public int column() {
    return column;
  }
}
