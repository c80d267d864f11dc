package org.minsheng.analysis.alert;

/**
 * What an alert is about. A scope is {@code type} + {@code key}: a topic id, a watched keyword, a region, or a
 * watch-list rule name. Rules see only per-window counts keyed by scope, so a new scope type needs no new rule.
 */
public final class ScopeType {
  public static final String TOPIC = "topic";
  public static final String KEYWORD = "keyword";
  public static final String REGION = "region";
  public static final String WATCHLIST = "watchlist";

  private ScopeType() {}

  /** The key the Flink job partitions by: {@code type + ':' + key}. */
  public static String scopeId(String type, String key) {
    return type + ":" + key;
  }

  /** Human label for titles: 话题 / 关键词 / 地区 / 监测规则. */
  public static String label(String type) {
    return switch (type) {
      case TOPIC -> "话题";
      case KEYWORD -> "关键词";
      case REGION -> "地区";
      case WATCHLIST -> "监测规则";
      default -> type;
    };
  }
}
