package org.minsheng.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Test vectors from REFERENCE-FORMATS §3.4 (verified there with Python 3 and OpenJDK 17). */
class SignaturesTest {

  @Test
  void dingTalkVectors() {
    assertThat(Signatures.dingTalk(1700000000000L, "SEC0123456789abcdef"))
        .isEqualTo("TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
    assertThat(Signatures.dingTalk(1577836800000L, "SECtest")).isEqualTo("drlICLmsjUfpSZSa7%2BmhIyTLZHQVqxb4vc20sB3aqQU%3D");
  }

  @Test
  void feishuVectors() {
    assertThat(Signatures.feishu(1599360473L, "demo")).isEqualTo("l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=");
    assertThat(Signatures.feishu(1716283459L, "dGhpcyBpcyBhIGtleQ=="))
        .isEqualTo("8EyY+xxfJvzWjZQpdc2mgvQFaG7lF5nbxl7RITyMkJU=");
  }

  @Test
  void webhookSignatureDependsOnTimestampAndBody() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String sig = Signatures.webhook("s3cret", "1700000000", body);
    assertThat(sig).hasSize(64).matches("[0-9a-f]+");
    assertThat(Signatures.webhook("s3cret", "1700000001", body)).isNotEqualTo(sig);
    assertThat(Signatures.webhook("other", "1700000000", body)).isNotEqualTo(sig);
  }
}
