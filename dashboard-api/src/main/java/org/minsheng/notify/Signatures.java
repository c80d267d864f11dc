package org.minsheng.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The robot signing recipes (REFERENCE-FORMATS §3.4) and the generic webhook's HMAC. */
public final class Signatures {
  private Signatures() {}

  /** DingTalk 加签: URL-encoded Base64 of HmacSHA256(key = secret, message = millis + "\n" + secret). */
  public static String dingTalk(long timestampMillis, String secret) {
    byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8),
        (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
    return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
  }

  /** Feishu: Base64 of HmacSHA256(key = seconds + "\n" + secret, message = empty); not URL-encoded. */
  public static String feishu(long timestampSeconds, String secret) {
    byte[] mac = hmac((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
    return Base64.getEncoder().encodeToString(mac);
  }

  /** Generic webhook: hex HmacSHA256(key = secret, message = timestamp + "." + body). */
  public static String webhook(String secret, String timestamp, byte[] body) {
    byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] msg = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, msg, 0, prefix.length);
    System.arraycopy(body, 0, msg, prefix.length, body.length);
    return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), msg));
  }

  static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JRE", e);
    }
  }
}
