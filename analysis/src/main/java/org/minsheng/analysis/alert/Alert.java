package org.minsheng.analysis.alert;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A graded, explained alert (a new one or an escalation of a live one, same {@link #alertId}). Turned into a
 * {@code minsheng-alerts} document by {@link AlertDocuments}.
 */
public class Alert implements Serializable {
  private static final long serialVersionUID = 1L;

  public String alertId;
  /** burst | negative_surge | watchlist | spread. */
  public String rule;
  public String ruleName;
  public AlertLevel level;
  /** True when this record raises the level of an alert already sent. */
  public boolean escalation;
  public String scopeType;
  public String scopeKey;
  /** The topic id when the scope is a topic, else null. */
  public String topicId;
  public String title;
  public List<String> keywords = new ArrayList<>();
  public String reason;
  public Figures figures;
  /** Event time (epoch ms) of the first firing window's end. */
  public long firedAt;
  /** Event time of the window that produced this record. */
  public long updatedAt;
  /** Event time of the last escalation, 0 when none. */
  public long escalatedAt;
  public List<PostRef> topPosts = new ArrayList<>();
  public List<String> sites = new ArrayList<>();
  public List<String> regions = new ArrayList<>();
  public String dashboardUrl;
  /** Firing and escalations: "epochMs|level". */
  public List<String> history = new ArrayList<>();

  public Alert() {}
}
