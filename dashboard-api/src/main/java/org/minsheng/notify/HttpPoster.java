package org.minsheng.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** POSTs JSON with the JDK HTTP client and bounded timeouts; shared by the webhook channels. */
public final class HttpPoster {

  /** Status, body and headers of a reply. */
  public record Reply(int status, String body, java.net.http.HttpHeaders headers) {}

  private final HttpClient client;
  private final Duration timeout;

  public HttpPoster(Duration timeout) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.timeout = timeout;
  }

  public Reply post(URI uri, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(r.statusCode(), r.body(), r.headers());
  }

  /** Maps an exception of {@link #post} to a retryable result (the receiver may be back later). */
  public static DeliveryResult unreachable(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return DeliveryResult.retry("unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /** Redacts the secret query parameters (access_token, key, sign) of a robot URL for logs and lastError. */
  public static String redact(String url) {
    return url.replaceAll("(access_token|key|sign)=[^&]*", "$1=***").replaceAll("(/hook/)[^/?]+", "$1***");
  }
}
