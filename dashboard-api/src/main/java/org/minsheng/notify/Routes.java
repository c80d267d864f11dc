package org.minsheng.notify;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Builds the enabled channels, with their quiet hours, from the settings; checks that each has what it needs. */
public final class Routes {
  private Routes() {}

  public static List<Notifier.Route> fromSettings(NotifySettings s, Clock clock) {
    ZoneId zone = ZoneId.of(s.quietHoursZone);
    HttpPoster http = new HttpPoster(s.httpTimeout);
    NotifySettings.Channels c = s.channels;
    List<Notifier.Route> routes = new ArrayList<>();
    if (c.dingtalk.enabled) {
      require("dingtalk", "url", c.dingtalk.url);
      routes.add(new Notifier.Route(new DingTalkChannel("dingtalk", c.dingtalk.url, c.dingtalk.secret,
          c.dingtalk.atMobiles, http, clock), QuietHours.parse(c.dingtalk.quietHours, zone), new RateLimit(c.dingtalk.maxPerMinute)));
    }
    if (c.wecom.enabled) {
      require("wecom", "url", c.wecom.url);
      routes.add(new Notifier.Route(new WeComChannel("wecom", c.wecom.url, c.wecom.mentionUserIds, http),
          QuietHours.parse(c.wecom.quietHours, zone), new RateLimit(c.wecom.maxPerMinute)));
    }
    if (c.feishu.enabled) {
      require("feishu", "url", c.feishu.url);
      routes.add(new Notifier.Route(new FeishuChannel("feishu", c.feishu.url, c.feishu.secret, c.feishu.atAllOnRed,
          http, clock), QuietHours.parse(c.feishu.quietHours, zone), new RateLimit(c.feishu.maxPerMinute)));
    }
    if (c.webhook.enabled) {
      require("webhook", "url", c.webhook.url);
      routes.add(new Notifier.Route(new WebhookChannel("webhook", c.webhook.url, c.webhook.secret, http, clock),
          QuietHours.parse(c.webhook.quietHours, zone), new RateLimit(c.webhook.maxPerMinute)));
    }
    if (c.email.enabled) {
      NotifySettings.Email e = c.email;
      require("email", "host", e.host);
      require("email", "from", e.from);
      if (e.to.isEmpty()) {
        throw new IllegalArgumentException("channels.email.to: at least one recipient is needed when e-mail is enabled");
      }
      Properties p = new Properties();
      p.put("mail.smtp.host", e.host);
      p.put("mail.smtp.port", Integer.toString(e.port));
      p.put("mail.smtp.starttls.enable", Boolean.toString(e.startTls));
      p.put("mail.smtp.auth", Boolean.toString(e.user != null && !e.user.isBlank()));
      p.put("mail.smtp.connectiontimeout", Long.toString(s.httpTimeout.toMillis()));
      p.put("mail.smtp.timeout", Long.toString(s.httpTimeout.toMillis()));
      routes.add(new Notifier.Route(new EmailChannel("email", p, e.from, e.to, e.user, e.password),
          QuietHours.parse(e.quietHours, zone), new RateLimit(e.maxPerMinute)));
    }
    return routes;
  }

  private static void require(String channel, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("channels." + channel + "." + field + " must be set when " + channel
          + " is enabled");
    }
  }
}
