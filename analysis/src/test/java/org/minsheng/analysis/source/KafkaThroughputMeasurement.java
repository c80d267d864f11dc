package org.minsheng.analysis.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.Configuration;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.analysis.job.Environments;
import org.minsheng.es.testing.SharedElasticsearch;
import org.minsheng.handoff.kafka.KafkaHandOffSettings;
import org.minsheng.handoff.kafka.KafkaPostHandOff;
import org.minsheng.post.Post;

/**
 * Throughput of the whole job, Kafka → Elasticsearch, with 1 and 2 task slots: not a test (the name matches neither
 * *Test nor *ITCase, so CI never runs it), a measurement run on demand:
 *
 * <pre>
 * ./mvnw -o -B -q -pl analysis -am verify -Dit.test='KafkaThroughputMeasurement' -Dtest=skip \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dposts=40000 -Dslots=2,1,2,1,2
 * </pre>
 *
 * Sends {@code posts} generated posts through {@link KafkaPostHandOff} into a 4-partition topic on an in-process
 * broker, then runs the real job (bounded {@link KafkaPostsSource}, real Elasticsearch sinks on the shared test node)
 * to completion once per entry of {@code slots}, each into emptied indices, and prints {@code MEASURE} lines on stderr
 * (job start included). Every run must end with exactly {@code posts} documents.
 */
class KafkaThroughputMeasurement {
  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();
  @TempDir
  Path temp;

  @Test
  void measure() throws Exception {
    int n = Integer.getInteger("posts", 40000);
    try (KafkaTestBroker broker = KafkaTestBroker.start()) {
      broker.createTopic("tp", 4);
      String[] texts = {
          "市民反映小區停車難，希望相關部門儘快解決。" + "今天的發佈會介紹了新的便民服務措施，市民很滿意。",
          "網友曝光某餐廳衛生問題，引發熱議，多人表示失望。" + "交通部門發布通知，週末部分路段將臨時管制。",
      };
      Instant base = Instant.parse("2026-03-01T10:00:00Z");
      try (KafkaPostHandOff h = new KafkaPostHandOff(new KafkaHandOffSettings(broker.bootstrapServers(), "tp", "m",
          Duration.ofMillis(20), Duration.ofMinutes(1), "lz4"))) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          h.send(Post.builder().id("m:" + i).platform("forum").site("bbs.example.cn").title("帖子" + i)
              .text(texts[i % 2] + "（第" + i + "帖）").publishedAt(base.plusSeconds(i)).build());
        }
        h.flush();
        System.err.printf("MEASURE handoff %d posts in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
      }
      for (String slots : System.getProperty("slots", "1,2,1,2").split(",")) {
        int p = Integer.parseInt(slots.trim());
        ES.reset();
        AnalysisConfig config = AnalysisConfig.load()
            .withCheckpoints(temp.resolve("cp" + p).toString(), Duration.ofSeconds(10));
        KafkaSourceSettings k = new KafkaSourceSettings(broker.bootstrapServers(), "tp", "g" + System.nanoTime(),
            KafkaSourceSettings.StartingOffsets.EARLIEST, Duration.ZERO);
        Configuration conf = Environments.configuration(config);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, p);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p, conf);
        AnalysisMain.job(config, KafkaPostsSource.bounded(k), ES.settings(), ES.names()).build(env);
        long t0 = System.nanoTime();
        env.execute("measure-p" + p);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        ES.refresh(ES.names().postsAlias());
        long count = ES.count(ES.names().postsAlias());
        System.err.printf("MEASURE p=%d: %d posts (ES count %d) in %d ms = %d posts/s (incl. MiniCluster start)%n",
            p, n, count, ms, n * 1000L / ms);
        if (count != n) {
          throw new AssertionError("expected " + n + " documents, found " + count);
        }
        System.err.println("MEASURE indices: " + EntityUtils.toString(ES.restClient().performRequest(new Request("GET",
            "/_cat/indices/" + ES.names().postsAlias() + "?bytes=b&h=index,docs.count,pri.store.size")).getEntity(),
            StandardCharsets.UTF_8).trim());
      }
    }
  }
}
