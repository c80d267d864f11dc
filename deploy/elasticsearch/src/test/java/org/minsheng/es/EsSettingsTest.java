package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.config.Settings;

class EsSettingsTest {
  @Test
  void defaultsFileDescribesTheLocalNode() {
    Settings s = Settings.load("minsheng-elasticsearch.yaml", null, Map.of());
    EsSettings es = EsSettings.from(s);
    assertThat(es.url()).isEqualTo("http://127.0.0.1:9200");
    assertThat(es.username()).isNull();
    assertThat(es.apiKey()).isNull();
    assertThat(es.caCertificate()).isNull();
    assertThat(es.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.integer("elasticsearch.index.shards")).isEqualTo(1);
    assertThat(s.string("elasticsearch.local.heap")).isEqualTo("1g");
    assertThat(IndexTemplates.from(s).names()).isEqualTo(IndexNames.DEFAULT);
  }

  @Test
  void environmentOverrides() {
    Settings s = Settings.load("minsheng-elasticsearch.yaml", null, Map.of(
        "MINSHENG_ELASTICSEARCH_URL", "https://es.example.cn:9200/",
        "MINSHENG_ELASTICSEARCH_APIKEY", "aWQ6a2V5",
        "MINSHENG_ELASTICSEARCH_CACERTIFICATE", "/etc/minsheng/http_ca.crt"));
    EsSettings es = EsSettings.from(s);
    assertThat(es.url()).isEqualTo("https://es.example.cn:9200");
    assertThat(es.apiKey()).isEqualTo("aWQ6a2V5");
    assertThat(es.caCertificate()).isEqualTo("/etc/minsheng/http_ca.crt");
  }

  @Test
  void secretsNeverPrinted() {
    EsSettings es = new EsSettings("https://x:9200", "elastic", "s3cret", null, null, null, null);
    assertThat(es.toString()).contains("basic(elastic)").doesNotContain("s3cret");
    assertThat(new EsSettings("https://x:9200", null, null, "KEY123", null, null, null).toString()).doesNotContain("KEY123");
  }

  @Test
  void badSettingsRefused() {
    assertThatThrownBy(() -> EsSettings.of("127.0.0.1:9200"))
        .hasMessage("Elasticsearch url must start with http:// or https://: 127.0.0.1:9200");
    assertThatThrownBy(() -> new EsSettings("http://x", "elastic", "", null, null, null, null))
        .hasMessage("Elasticsearch username and password must be set together");
  }
}
