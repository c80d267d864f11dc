package org.minsheng.ingest.charset;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * An HTML page decoded to text, with the charset that was used.
 *
 * @param html the decoded page
 * @param charset the charset the bytes were decoded with (never the platform default)
 * @param evidence how the charset was chosen: {@code bom}, {@code header}, {@code meta}, {@code detected} or
 *     {@code fallback}; kept for logs and debugging
 */
public record DecodedHtml(String html, Charset charset, String evidence) {
  public DecodedHtml {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(evidence, "evidence");
  }

  public DecodedHtml(String html, Charset charset) {
    this(html, charset, "unknown");
  }
}
