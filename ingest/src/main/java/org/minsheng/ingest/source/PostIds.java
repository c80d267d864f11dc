package org.minsheng.ingest.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/** Stable post ids and content hashes. */
public final class PostIds {
  private PostIds() {}

  /** Id from a platform id: {@code <platform>:<site>:<id>}, e.g. {@code forum:bbs.example.cn:5001}. */
  public static String platformId(String platform, String site, String id) {
    return site == null ? platform + ":" + id : platform + ":" + site + ":" + id;
  }

  /** Id from a canonical URL: {@code <platform>:<first 20 hex of sha-1(url)>}. */
  public static String urlId(String platform, String canonicalUrl) {
    return platform + ":" + sha1(canonicalUrl).substring(0, 20);
  }

  /**
   * Hash of the normalised text (NFKC, whitespace removed): equal for the same text however it was laid out, so
   * the job can spot exact reprints cheaply.
   */
  public static String contentHash(String title, String text) {
    String joined = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
    String norm = Normalizer.normalize(joined, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    return sha1(norm);
  }

  public static String sha1(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 missing from the JDK", e);
    }
  }
}
