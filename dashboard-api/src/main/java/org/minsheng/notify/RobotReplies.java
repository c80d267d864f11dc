package org.minsheng.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Reads robot replies: HTTP 200 does not mean success, the body code does (REFERENCE-FORMATS §3). Throttling codes
 * are retried after a minute, other non-zero codes are configuration errors and fail for good; 5xx and 429 are
 * retried, other 4xx fail for good.
 */
final class RobotReplies {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration THROTTLE_WAIT = Duration.ofSeconds(60);

  private RobotReplies() {}

  /** DingTalk and WeCom: {@code errcode == 0}. */
  static DeliveryResult errcode(HttpPoster.Reply r, Set<Long> throttleCodes) {
    DeliveryResult http = httpLevel(r);
    if (http != null) {
      return http;
    }
    JsonNode body = parse(r.body());
    if (body == null || !body.has("errcode")) {
      return DeliveryResult.retry("HTTP 200 with an unreadable body: " + abbreviate(r.body()));
    }
    long code = body.get("errcode").asLong();
    String msg = "errcode " + code + ": " + body.path("errmsg").asText("");
    if (code == 0) {
      return DeliveryResult.delivered(msg);
    }
    return throttleCodes.contains(code) ? DeliveryResult.retryAfter(msg, THROTTLE_WAIT) : DeliveryResult.permanent(msg);
  }

  /** Feishu: {@code code == 0}, or no {@code code} and {@code StatusCode == 0}. */
  static DeliveryResult feishu(HttpPoster.Reply r) {
    if (r.status() == 429) {
      long reset = r.headers().firstValueAsLong("x-ogw-ratelimit-reset").orElse(THROTTLE_WAIT.toSeconds());
      return DeliveryResult.retryAfter("HTTP 429: " + abbreviate(r.body()), Duration.ofSeconds(Math.max(1, reset)));
    }
    DeliveryResult http = httpLevel(r);
    if (http != null) {
      return http;
    }
    JsonNode body = parse(r.body());
    if (body == null) {
      return DeliveryResult.retry("HTTP 200 with an unreadable body: " + abbreviate(r.body()));
    }
    long code = body.has("code") ? body.get("code").asLong() : body.path("StatusCode").asLong(-1);
    String msg = "code " + code + ": " + body.path("msg").asText(body.path("StatusMessage").asText(""));
    if (code == 0) {
      return DeliveryResult.delivered(msg);
    }
    return code == 11232 || code == 99991400 ? DeliveryResult.retryAfter(msg, THROTTLE_WAIT)
        : DeliveryResult.permanent(msg);
  }

  /** Non-200 replies: 429 and 5xx retry, other codes are permanent; null for 2xx. */
  static DeliveryResult httpLevel(HttpPoster.Reply r) {
    if (r.status() >= 200 && r.status() < 300) {
      return null;
    }
    String msg = "HTTP " + r.status() + ": " + abbreviate(r.body());
    if (r.status() == 429) {
      return DeliveryResult.retryAfter(msg, THROTTLE_WAIT);
    }
    return r.status() >= 500 || r.status() == 408 ? DeliveryResult.retry(msg) : DeliveryResult.permanent(msg);
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }
}
