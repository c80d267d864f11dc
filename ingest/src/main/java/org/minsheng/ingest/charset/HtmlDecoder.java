package org.minsheng.ingest.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the bytes of an HTML page to text with an explicit charset.
 *
 * <p>Order:
 *
 * <ol>
 *   <li>a byte-order mark (UTF-8, UTF-16LE/BE): unambiguous, so it wins even over the header, as in the WHATWG
 *       encoding sniffing algorithm;
 *   <li>the {@code charset} parameter of the HTTP {@code Content-Type} header, except ISO-8859-1 / US-ASCII, which
 *       servers send as an implicit default for Chinese pages; treated as a hint only;
 *   <li>{@code <meta charset>} or {@code <meta http-equiv="Content-Type" content="…charset=…">} in the first 4 KB;
 *   <li>detection: bytes that are valid UTF-8 are UTF-8; otherwise juniversalchardet (a port of Mozilla's detector,
 *       which knows GB18030, Big5, EUC-TW and UTF-8 and needs no model download; ICU4J's detector would add a 12 MB
 *       jar for no better accuracy on these four charsets);
 *   <li>fallback: GB18030 (the charset of most non-UTF-8 Chinese pages).
 * </ol>
 *
 * A declared UTF-8 (header or meta) that the bytes contradict (invalid UTF-8 sequences) falls through to detection:
 * Chinese CMS templates often keep a {@code utf-8} meta in GBK pages. Labels are mapped by {@link CharsetNames}
 * (gb2312 → GB18030, big5 → Big5-HKSCS). Malformed bytes become U+FFFD; decoding never throws.
 */
public final class HtmlDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(HtmlDecoder.class);
  private static final int META_SCAN_BYTES = 4096;
  private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-zA-Z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);

  /** Decodes {@code body}; {@code contentTypeHeader} may be null. */
  public DecodedHtml decode(byte[] body, String contentTypeHeader) {
    if (body == null) {
      throw new IllegalArgumentException("body must not be null");
    }
    Optional<Charset> bom = bomCharset(body);
    if (bom.isPresent()) {
      int skip = bom.get().equals(StandardCharsets.UTF_8) ? 3 : 2;
      return new DecodedHtml(decodeLenient(body, skip, bom.get()), bom.get(), "bom");
    }
    Optional<Charset> header = headerCharset(contentTypeHeader);
    if (header.isPresent() && plausible(body, header.get())) {
      return new DecodedHtml(decodeLenient(body, 0, header.get()), header.get(), "header");
    }
    Optional<Charset> meta = metaCharset(body);
    if (meta.isPresent() && plausible(body, meta.get())) {
      return new DecodedHtml(decodeLenient(body, 0, meta.get()), meta.get(), "meta");
    }
    if (isValidUtf8(body)) {
      return new DecodedHtml(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "detected");
    }
    Optional<Charset> detected = detect(body);
    if (detected.isPresent()) {
      return new DecodedHtml(decodeLenient(body, 0, detected.get()), detected.get(), "detected");
    }
    LOG.debug("no charset declared or detected for a {}-byte page; decoding as GB18030", body.length);
    return new DecodedHtml(decodeLenient(body, 0, CharsetNames.GB18030), CharsetNames.GB18030, "fallback");
  }

  static Optional<Charset> bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  static Optional<Charset> headerCharset(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    Matcher m = HEADER_CHARSET.matcher(contentType);
    if (!m.find()) {
      return Optional.empty();
    }
    String label = m.group(1).toLowerCase(Locale.ROOT);
    if (label.equals("iso-8859-1") || label.equals("us-ascii") || label.equals("latin1")) {
      return Optional.empty();
    }
    return CharsetNames.forLabel(label);
  }

  static Optional<Charset> metaCharset(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher xml = XML_ENCODING.matcher(head);
    if (xml.find()) {
      Optional<Charset> c = CharsetNames.forLabel(xml.group(1));
      if (c.isPresent()) {
        return c;
      }
    }
    Matcher m = META_CHARSET.matcher(head);
    while (m.find()) {
      Optional<Charset> c = CharsetNames.forLabel(m.group(1));
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  /**
   * A declared UTF-8 is believed only if the bytes are valid UTF-8. A declared legacy charset is not believed when the
   * bytes are valid UTF-8 with multi-byte sequences: GBK or Big5 text is practically never valid UTF-8 by chance, while
   * pages re-encoded to UTF-8 that keep their old {@code gb2312} meta are common (one in GNE's 62 test pages).
   */
  private static boolean plausible(byte[] body, Charset declared) {
    if (declared.equals(StandardCharsets.UTF_8)) {
      return isValidUtf8(body);
    }
    if (hasMultiByte(body) && isValidUtf8(body)) {
      return false;
    }
    if (declared.equals(StandardCharsets.UTF_16LE) || declared.equals(StandardCharsets.UTF_16BE)
        || declared.name().equalsIgnoreCase("UTF-16")) {
      // A page served as UTF-16 without BOM is rare; an ASCII '<' first means the label is wrong.
      return body.length == 0 || body[0] != '<';
    }
    return true;
  }

  private static boolean hasMultiByte(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  static boolean isValidUtf8(byte[] body) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      d.decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      // A truncated page may end inside a multi-byte sequence: accept when only the last 3 bytes are bad.
      if (body.length > 3) {
        try {
          d.reset().decode(ByteBuffer.wrap(body, 0, lastCharBoundary(body)));
          return true;
        } catch (CharacterCodingException again) {
          return false;
        }
      }
      return false;
    }
  }

  private static int lastCharBoundary(byte[] b) {
    int i = b.length;
    int back = 0;
    while (i > 0 && back < 3 && (b[i - 1] & 0xC0) == 0x80) {
      i--;
      back++;
    }
    if (i > 0 && (b[i - 1] & 0xC0) == 0xC0) {
      i--;
    }
    return i;
  }

  static Optional<Charset> detect(byte[] body) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(body, 0, body.length);
    detector.dataEnd();
    String label = detector.getDetectedCharset();
    if (label == null) {
      return Optional.empty();
    }
    // Single-byte guesses (windows-1252, KOI8-R, …) on a Chinese page are noise from short samples: only multi-byte
    // answers are trusted, the rest goes to the GB18030 fallback.
    String l = label.toUpperCase(Locale.ROOT);
    boolean multiByte = l.startsWith("GB") || l.startsWith("BIG5") || l.startsWith("EUC") || l.startsWith("UTF")
        || l.startsWith("SHIFT_JIS") || l.startsWith("HZ") || l.startsWith("ISO-2022");
    return multiByte ? CharsetNames.forLabel(label) : Optional.empty();
  }

  private static String decodeLenient(byte[] body, int offset, Charset charset) {
    CharsetDecoder d = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer out = d.decode(ByteBuffer.wrap(body, offset, body.length - offset));
      return out.toString();
    } catch (CharacterCodingException e) {
      // Cannot happen with REPLACE; keep a clear message if a broken provider ever throws.
      throw new IllegalStateException("decoder for " + charset + " failed despite REPLACE: " + e.getMessage(), e);
    }
  }
}
