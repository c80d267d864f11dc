package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** The sentences for failures that need no server; those with a status are checked against real nodes (ITCases). */
class EsErrorsTest {
  private final EsSettings basic = new EsSettings("https://es.example.cn:9200", "ops", "s3cr3t-pw", null, "/etc/ca.crt", null, null);

  @Test
  void causesSeveralLevelsDeepAreFound() {
    Exception e = new RuntimeException("wrapper", new IOException("io", new ConnectException("Connection refused")));
    assertThat(EsErrors.describe(e, basic)).isEqualTo(
        "Elasticsearch at https://es.example.cn:9200: connection refused (is Elasticsearch running, and is the port right?)");
  }

  @Test
  void tlsProblemsNameTheCaSetting() {
    assertThat(EsErrors.describe(new SSLHandshakeException("PKIX path building failed"), basic)).isEqualTo(
        "Elasticsearch at https://es.example.cn:9200: TLS handshake failed, the server's certificate is not trusted:"
            + " check elasticsearch.caCertificate=/etc/ca.crt (PKIX path building failed)");
    assertThat(EsErrors.describe(new SSLPeerUnverifiedException("Host name 'es.example.cn' does not match"), basic))
        .contains("TLS host name check failed").contains("subject alternative names");
  }

  @Test
  void timeoutsPointAtTheTimeoutSettings() {
    assertThat(EsErrors.describe(new SocketTimeoutException("Read timed out"), null))
        .isEqualTo("Elasticsearch: no answer in time (Read timed out); see elasticsearch.socketTimeout / connectTimeout");
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(EsErrors.describe(new IllegalStateException("odd"), basic)).doesNotContain("s3cr3t").endsWith("odd");
  }
}
