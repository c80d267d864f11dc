package org.minsheng.analysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.es.testing.SharedElasticsearch;

/**
 * The launcher's path: {@link AnalysisMain#startLocal} wires the real source and sinks from settings and runs the job
 * on its own in-process MiniCluster; {@link AnalysisMain#stop} cancels it and waits for its end. (Its own class: the
 * MiniClusterExtension of {@link MinshengJobITCase} forbids local environments while it is active.)
 */
class AnalysisMainITCase {

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  @TempDir
  Path temp;

  @BeforeEach
  void emptyIndices() {
    ES.reset();
  }

  @Test
  void startsOnALocalMiniClusterAndStopsCleanly() throws Exception {
    Path spool = Files.createDirectories(temp.resolve("spool"));
    MinshengJobITCase.copyFixture("posts-20260301T080000Z-fixture-0.ndjson", spool);
    AnalysisConfig config = AnalysisConfig.load()
        .withSpoolDirectory(spool.toString())
        .withElasticsearchUrl(ES.url())
        .withCheckpoints(temp.resolve("checkpoints").toString(), Duration.ofSeconds(1));

    JobClient job = AnalysisMain.startLocal(config);
    try {
      MinshengJobITCase.await(() -> ES.count(ES.names().postsAlias()) == 5
          && ES.count(ES.names().deadLetters()) == 2, "first fixture file");
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    } finally {
      AnalysisMain.stop(job, Duration.ofSeconds(30));
    }
    assertThat(job.getJobExecutionResult()).isCompletedExceptionally();
    assertThat(ES.get(ES.names().posts().indexFor(java.time.Instant.parse("2026-03-01T00:00:00Z")), "weibo:1001"))
        .hasValueSatisfying(doc -> assertThat(doc.path("text").asText()).isEqualTo("网友们对这个问题非常关注,希望政府尽快解决。"));
  }
}
