package org.minsheng.notify;

import java.nio.charset.StandardCharsets;

/** Renders an alert as Markdown and plain text, the bodies the channels wrap in their own envelopes. */
public final class AlertText {
  private AlertText() {}

  /** Markdown shared by DingTalk and WeCom (headings, bold, links, lists: the subset both render). */
  public static String markdown(AlertMessage m) {
    StringBuilder b = new StringBuilder();
    b.append("### ").append(m.headline()).append("\n\n");
    b.append("**原因**：").append(nz(m.reason())).append("\n\n");
    if (!m.keywords().isEmpty()) {
      b.append("**关键词**：").append(String.join("、", m.keywords())).append("\n\n");
    }
    if (!m.regions().isEmpty()) {
      b.append("**地区**：").append(String.join("、", m.regions())).append("\n\n");
    }
    if (!m.sites().isEmpty()) {
      b.append("**站点**：").append(String.join("、", m.sites())).append("\n\n");
    }
    if (!m.topPosts().isEmpty()) {
      b.append("**代表帖子**：\n");
      int i = 1;
      for (AlertMessage.PostLink p : m.topPosts()) {
        b.append(i++).append(". ");
        if (p.url() != null) {
          b.append('[').append(nz(p.title())).append("](").append(p.url()).append(')');
        } else {
          b.append(nz(p.title()));
        }
        if (p.site() != null) {
          b.append("（").append(p.site()).append("）");
        }
        b.append('\n');
      }
      b.append('\n');
    }
    b.append("[查看详情](").append(nz(m.dashboardUrl())).append(")");
    return b.toString();
  }

  /** Plain text (e-mail body, text-only channels). */
  public static String plain(AlertMessage m) {
    StringBuilder b = new StringBuilder();
    b.append(m.headline()).append("\n\n");
    b.append("原因：").append(nz(m.reason())).append('\n');
    b.append("级别：").append(nz(m.level())).append(' ').append(nz(m.levelName())).append('\n');
    b.append("规则：").append(nz(m.rule())).append('\n');
    if (!m.keywords().isEmpty()) {
      b.append("关键词：").append(String.join("、", m.keywords())).append('\n');
    }
    if (!m.regions().isEmpty()) {
      b.append("地区：").append(String.join("、", m.regions())).append('\n');
    }
    if (!m.sites().isEmpty()) {
      b.append("站点：").append(String.join("、", m.sites())).append('\n');
    }
    if (!m.topPosts().isEmpty()) {
      b.append("\n代表帖子：\n");
      for (AlertMessage.PostLink p : m.topPosts()) {
        b.append("- ").append(nz(p.title())).append("  ").append(nz(p.url())).append('\n');
      }
    }
    b.append("\n查看详情：").append(nz(m.dashboardUrl())).append('\n');
    b.append("预警编号：").append(nz(m.alertId())).append("，首次触发 ").append(nz(m.firedAt())).append('\n');
    return b.toString();
  }

  /** Cuts {@code s} to at most {@code maxBytes} of UTF-8 without splitting a character. */
  public static String truncateUtf8(String s, int maxBytes) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return s;
    }
    int bytesSoFar = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytesSoFar + len > maxBytes) {
        break;
      }
      bytesSoFar += len;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
