package org.minsheng.analysis.alert;

/**
 * The four warning levels of Chinese emergency practice: I 红 particularly serious, II 橙 serious, III 黄 relatively
 * serious, IV 蓝 general. {@link #rank()} grows with severity, so escalation is {@code rank} going up.
 */
public enum AlertLevel {
  IV("蓝", "blue", "一般", 1),
  III("黄", "yellow", "较重", 2),
  II("橙", "orange", "严重", 3),
  I("红", "red", "特别严重", 4);

  private final String chineseName;
  private final String colour;
  private final String severity;
  private final int rank;

  AlertLevel(String chineseName, String colour, String severity, int rank) {
    this.chineseName = chineseName;
    this.colour = colour;
    this.severity = severity;
    this.rank = rank;
  }

  /** 红 / 橙 / 黄 / 蓝, the {@code levelName} document field. */
  public String chineseName() {
    return chineseName;
  }

  /** red / orange / yellow / blue (Feishu card template colours). */
  public String colour() {
    return colour;
  }

  /** 特别严重 / 严重 / 较重 / 一般. */
  public String severity() {
    return severity;
  }

  public int rank() {
    return rank;
  }

  public boolean higherThan(AlertLevel other) {
    return rank > other.rank;
  }

  public AlertLevel raised() {
    return switch (this) {
      case IV -> III;
      case III -> II;
      case II, I -> I;
    };
  }
}
