package org.minsheng.analysis.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Exact-copy key: SHA-1 of the normalised text with everything but letters and digits removed, so copies that differ
 * only in spacing or punctuation share a key.
 */
public final class ContentKey {
  private ContentKey() {}

  public static String of(String normalisedText) {
    StringBuilder sb = new StringBuilder(normalisedText == null ? 0 : normalisedText.length());
    if (normalisedText != null) {
      normalisedText.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 missing from the JDK", e);
    }
  }
}
