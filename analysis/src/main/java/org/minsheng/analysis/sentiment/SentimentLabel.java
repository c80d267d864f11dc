package org.minsheng.analysis.sentiment;

/** Three-way polarity, 负面 / 中性 / 正面. The lower-case name is what Elasticsearch stores. */
public enum SentimentLabel {
  NEGATIVE("负面"),
  NEUTRAL("中性"),
  POSITIVE("正面");

  private final String chinese;

  SentimentLabel(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
