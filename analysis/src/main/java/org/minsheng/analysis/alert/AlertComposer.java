package org.minsheng.analysis.alert;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;

/**
 * Writes the content of an alert: title, reason (rule, figures, baseline, window), keywords, top posts, sites,
 * regions and the dashboard link ({@code /#/topic/<id>} for topics, {@code /#/alerts/<alertId>} otherwise).
 */
public final class AlertComposer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  private final String dashboardBaseUrl;
  private final long windowMs;

  public AlertComposer(String dashboardBaseUrl, long windowMs) {
    this.dashboardBaseUrl = dashboardBaseUrl.endsWith("/")
        ? dashboardBaseUrl.substring(0, dashboardBaseUrl.length() - 1) : dashboardBaseUrl;
    this.windowMs = windowMs;
  }

  public Alert compose(Finding finding, AlertLevel level, WindowCount w, ScopeState.GateState gate, boolean escalation) {
    Alert a = new Alert();
    a.alertId = gate.alertId;
    a.rule = finding.rule();
    a.ruleName = finding.ruleName();
    a.level = level;
    a.escalation = escalation;
    a.scopeType = w.scopeType;
    a.scopeKey = w.scopeKey;
    a.topicId = ScopeType.TOPIC.equals(w.scopeType) ? w.scopeKey : null;
    a.title = title(w);
    a.keywords = new ArrayList<>(w.keywords);
    if (ScopeType.KEYWORD.equals(w.scopeType) && !a.keywords.contains(w.scopeKey)) {
      a.keywords.add(0, w.scopeKey);
    }
    a.figures = finding.figures();
    long confirmedFrom = w.windowEnd - (long) finding.figures().windows * windowMs;
    a.figures.windowStart = Math.min(a.figures.windowStart, confirmedFrom);
    a.reason = String.format("【%s级 %s】%s「%s」%s；窗口 %s 至 %s（北京时间）", level.name(), level.chineseName(),
        ScopeType.label(w.scopeType), w.scopeKey, finding.explanation(),
        CLOCK.format(Instant.ofEpochMilli(a.figures.windowStart)), CLOCK.format(Instant.ofEpochMilli(w.windowEnd)));
    a.firedAt = gate.firedAt;
    a.updatedAt = w.windowEnd;
    a.escalatedAt = gate.escalatedAt;
    a.topPosts = new ArrayList<>(w.topPosts);
    a.sites = new ArrayList<>(w.sites);
    a.regions = new ArrayList<>(w.regions);
    a.dashboardUrl = a.topicId != null
        ? dashboardBaseUrl + "/#/topic/" + a.topicId
        : dashboardBaseUrl + "/#/alerts/" + a.alertId;
    a.history = new ArrayList<>(gate.history);
    return a;
  }

  private static String title(WindowCount w) {
    if (ScopeType.TOPIC.equals(w.scopeType)) {
      for (PostRef p : w.topPosts) {
        if (p.title != null && !p.title.isBlank()) {
          return p.title;
        }
      }
      return "话题 " + w.scopeKey;
    }
    return ScopeType.label(w.scopeType) + "「" + w.scopeKey + "」";
  }
}
