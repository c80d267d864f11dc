package org.minsheng.ingest.fetch;

import java.util.Locale;

/**
 * Decides whether a response is text we can parse. Servers label images, archives and PDFs as {@code text/html}
 * often enough that the header alone cannot be trusted, so the first bytes are checked too.
 */
public final class ContentSniffer {
  private static final int SNIFF_BYTES = 1024;

  private ContentSniffer() {}

  /** Null when the declared type is acceptable, otherwise why not. */
  public static String rejectDeclaredType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    String t = contentType.toLowerCase(Locale.ROOT);
    if (t.startsWith("text/") || t.contains("html") || t.contains("xml") || t.contains("json") || t.contains("rss")
        || t.contains("atom") || t.contains("javascript")) {
      return null;
    }
    return "content type '" + contentType + "' is not text";
  }

  /** Null when the first bytes look like text, otherwise what they look like. */
  public static String rejectBody(byte[] body, int length) {
    int n = Math.min(length, SNIFF_BYTES);
    if (n >= 4) {
      int b0 = body[0] & 0xff;
      int b1 = body[1] & 0xff;
      int b2 = body[2] & 0xff;
      int b3 = body[3] & 0xff;
      if (b0 == 0x89 && b1 == 'P' && b2 == 'N' && b3 == 'G') {
        return "body is a PNG image";
      }
      if (b0 == 0xff && b1 == 0xd8 && b2 == 0xff) {
        return "body is a JPEG image";
      }
      if (b0 == 'G' && b1 == 'I' && b2 == 'F' && b3 == '8') {
        return "body is a GIF image";
      }
      if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
        return "body is a ZIP archive";
      }
      if (b0 == '%' && b1 == 'P' && b2 == 'D' && b3 == 'F') {
        return "body is a PDF document";
      }
      if (b0 == 0x1f && b1 == 0x8b) {
        return "body is gzip-compressed data";
      }
      if ((b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe)) {
        return null; // UTF-16 with BOM is text
      }
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b == 0) {
        return "body contains NUL bytes (binary)";
      }
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
        control++;
      }
    }
    if (n > 0 && control * 10 > n) {
      return "body is " + (control * 100 / n) + "% control bytes (binary)";
    }
    return null;
  }
}
