package org.minsheng.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generic webhook: POSTs the alert document (without the outbox part) as JSON with headers
 * {@code X-Minsheng-Timestamp} (epoch seconds), {@code X-Minsheng-Signature: sha256=<hex HMAC-SHA256(secret,
 * timestamp + "." + body)>} and {@code Idempotency-Key}. The receiver verifies the signature, rejects old timestamps
 * and de-duplicates on the key. 2xx = delivered; 408/429/5xx/unreachable = retry; other 4xx = failed.
 */
public final class WebhookChannel implements Channel {
  public static final String SIGNATURE_HEADER = "X-Minsheng-Signature";
  public static final String TIMESTAMP_HEADER = "X-Minsheng-Timestamp";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final String url;
  private final String secret;
  private final HttpPoster http;
  private final Clock clock;

  public WebhookChannel(String name, String url, String secret, HttpPoster http, Clock clock) {
    this.name = name;
    this.url = url;
    this.secret = secret;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DeliveryResult send(AlertMessage m, String idempotencyKey) {
    try {
      byte[] body = JSON.writeValueAsString(m.document()).getBytes(StandardCharsets.UTF_8);
      String ts = Long.toString(clock.millis() / 1000);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put(TIMESTAMP_HEADER, ts);
      headers.put(IDEMPOTENCY_HEADER, idempotencyKey);
      if (secret != null && !secret.isBlank()) {
        headers.put(SIGNATURE_HEADER, "sha256=" + Signatures.webhook(secret, ts, body));
      }
      HttpPoster.Reply r = http.post(URI.create(url), body, headers);
      DeliveryResult failure = RobotReplies.httpLevel(r);
      return failure != null ? failure : DeliveryResult.delivered("HTTP " + r.status());
    } catch (Exception e) {
      return HttpPoster.unreachable(e);
    }
  }
}
