package org.minsheng.analysis.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.analysis.job.Environments;
import org.minsheng.analysis.job.restore.RestoreFailedException;
import org.minsheng.analysis.job.restore.RestoreMode;
import org.minsheng.analysis.job.restore.RetainedCheckpoints;
import org.minsheng.es.testing.SharedElasticsearch;

/**
 * A retained checkpoint whose state does not fit the job any more (here: written by a job with a stateful stage the
 * analysis job does not have) makes {@link AnalysisMain#startLocal(AnalysisConfig, RestoreMode)} fail with a message
 * that names the checkpoint and says what to do — it does not start from nothing behind the operator's back. With
 * {@code analysis.checkpoint.restore: none} the same directory is ignored and the job starts.
 */
class RestoreMismatchITCase {

  @RegisterExtension
  static final SharedElasticsearch ES = new SharedElasticsearch();

  @TempDir
  Path temp;

  @Test
  void aCheckpointThatDoesNotFitIsAClearErrorNotAFreshStart() throws Exception {
    Path checkpoints = temp.resolve("checkpoints");
    AnalysisConfig config = AnalysisConfig.load()
        .withSpoolDirectory(Files.createDirectories(temp.resolve("spool")).toString())
        .withElasticsearchUrl(ES.url())
        .withCheckpoints(checkpoints.toString(), Duration.ofMillis(300));
    retainCheckpointOfAnotherJob(config, checkpoints);

    assertThatThrownBy(() -> AnalysisMain.startLocal(config, RestoreMode.LATEST))
        .isInstanceOf(RestoreFailedException.class)
        .hasMessageStartingWith("The analysis job could not resume from checkpoint ")
        .hasMessageContaining("Cannot map checkpoint/savepoint state for operator")
        .hasMessageContaining("stateful operators changed since that checkpoint")
        .hasMessageContaining("./minsheng demo --fresh")
        .hasMessageContaining("analysis.checkpoint.restore: none");

    JobClient fresh = AnalysisMain.startLocal(config, RestoreMode.NONE);
    try {
      assertThat(fresh.getJobStatus().get(30, TimeUnit.SECONDS).isGloballyTerminalState()).isFalse();
    } finally {
      AnalysisMain.stop(fresh, Duration.ofSeconds(60));
    }
  }

  /** Runs a small job with a stateful stage under a uid the analysis job lacks until a checkpoint is retained. */
  private static void retainCheckpointOfAnotherJob(AnalysisConfig config, Path checkpoints) throws Exception {
    StreamExecutionEnvironment env = Environments.local(config);
    env.enableCheckpointing(300);
    env.fromSequence(0, Long.MAX_VALUE).uid("numbers")
        .keyBy(n -> n % 4)
        .map(new Counting()).uid("the-stage-that-went-away").name("the-stage-that-went-away")
        .sinkTo(new DiscardingSink<>());
    JobClient job = env.executeAsync("another job");
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (new RetainedCheckpoints(checkpoints.toString()).latest().isEmpty()) {
        assertThat(System.nanoTime()).as("a checkpoint of the other job").isLessThan(deadline);
        Thread.sleep(100);
      }
    } finally {
      AnalysisMain.stop(job, Duration.ofSeconds(60));
    }
  }

  /** Keeps a count per key: state that must find a home on restore. */
  static final class Counting extends RichMapFunction<Long, Long> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public Long map(Long n) throws Exception {
      Thread.sleep(1); // a trickle is enough, and spares the shared machine
      long c = count.value() == null ? 1 : count.value() + 1;
      count.update(c);
      return c;
    }
  }
}
