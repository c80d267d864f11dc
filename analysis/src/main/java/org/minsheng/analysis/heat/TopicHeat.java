package org.minsheng.analysis.heat;

/** Heat, growth and lifecycle of a topic as of a window's end: a partial update of its topic document. */
public class TopicHeat {
  public String topicId;
  public double heat;
  public double growth;
  public String lifecycle;
  public long updatedAt;

  public TopicHeat() {}
}
