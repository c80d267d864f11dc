package org.minsheng.analysis.job.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.config.Settings;

class RetainedCheckpointsTest {
  private static final String JOB_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  private static final String JOB_B = "0123456789abcdef0123456789abcdef";
  private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

  @TempDir
  Path dir;

  @Test
  void noDirectoryOrNoCheckpointMeansNothingToResume() throws IOException {
    assertThat(new RetainedCheckpoints(dir.resolve("missing").toString()).latest()).isEmpty();
    Files.createDirectories(dir.resolve(JOB_A).resolve("chk-3")); // in progress: no _metadata
    Files.createDirectories(dir.resolve(JOB_A).resolve("shared"));
    assertThat(new RetainedCheckpoints(dir.toString()).latest()).isEmpty();
  }

  @Test
  void theNewestCompleteCheckpointAcrossJobDirectoriesWins() throws IOException {
    checkpoint(JOB_A, 7, T0);
    checkpoint(JOB_A, 8, T0.plusSeconds(10));
    // a later job (restarted: new id, numbering continued), with one checkpoint still in progress
    checkpoint(JOB_B, 9, T0.plusSeconds(60));
    Files.createDirectories(dir.resolve(JOB_B).resolve("chk-10"));
    Files.createDirectories(dir.resolve("savepoints").resolve("chk-99"));

    RetainedCheckpoint latest = new RetainedCheckpoints(dir.toString()).latest().orElseThrow();

    assertThat(latest.jobId()).isEqualTo(JOB_B);
    assertThat(latest.number()).isEqualTo(9);
    assertThat(latest.completedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(Path.of(java.net.URI.create(latest.pointer()))).isEqualTo(dir.resolve(JOB_B).resolve("chk-9"));
    assertThat(new RetainedCheckpoints(dir.toString()).complete()).extracting(RetainedCheckpoint::number)
        .containsExactly(9L, 8L, 7L);
  }

  @Test
  void aMetadataFileCutShortFallsBackToTheCheckpointBefore() throws IOException {
    checkpoint(JOB_A, 4, T0);
    Path cut = checkpoint(JOB_A, 5, T0.plusSeconds(1));
    byte[] whole = Files.readAllBytes(cut);
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 3)); // the process died while writing it
    Files.setLastModifiedTime(cut, FileTime.from(T0.plusSeconds(1)));

    assertThat(new RetainedCheckpoints(dir.toString()).latest()).hasValueSatisfying(c -> assertThat(c.number())
        .isEqualTo(4));
  }

  @Test
  void anEmptyMetadataFileIsNotComplete() throws IOException {
    checkpoint(JOB_A, 1, T0);
    Path empty = dir.resolve(JOB_A).resolve("chk-2").resolve("_metadata");
    Files.createDirectories(empty.getParent());
    Files.createFile(empty);
    assertThat(new RetainedCheckpoints(dir.toString()).latest()).hasValueSatisfying(c -> assertThat(c.number())
        .isEqualTo(1));
  }

  @Test
  void directoriesOfOlderJobsAreDeletedOnceSuperseded() throws IOException {
    checkpoint(JOB_A, 2, T0);
    checkpoint(JOB_B, 3, T0.plusSeconds(30));
    Files.setLastModifiedTime(dir.resolve(JOB_A).resolve("chk-2"), FileTime.from(T0));
    Files.setLastModifiedTime(dir.resolve(JOB_A), FileTime.from(T0));
    Files.createDirectories(dir.resolve("savepoints"));
    RetainedCheckpoints retained = new RetainedCheckpoints(dir.toString());
    RetainedCheckpoint latest = retained.latest().orElseThrow();

    List<String> deleted = retained.deleteSuperseded(latest);

    assertThat(deleted).hasSize(1);
    assertThat(dir.resolve(JOB_A)).doesNotExist();
    assertThat(dir.resolve(JOB_B).resolve("chk-3").resolve("_metadata")).exists();
    assertThat(dir.resolve("savepoints")).exists();
  }

  @Test
  void restoreSettingIsLatestByDefaultAndNoneOnRequest() {
    assertThat(AnalysisMain.restoreMode(Settings.load(AnalysisConfig.DEFAULTS, null, Map.of())))
        .isEqualTo(RestoreMode.LATEST);
    assertThat(AnalysisMain.restoreMode(Settings.load(AnalysisConfig.DEFAULTS, null,
        Map.of("MINSHENG_ANALYSIS_CHECKPOINT_RESTORE", "none")))).isEqualTo(RestoreMode.NONE);
    assertThatThrownBy(() -> RestoreMode.parse("newest"))
        .hasMessage("analysis.checkpoint.restore must be latest or none, was 'newest'");
  }

  @Test
  void aTopologyMismatchSaysWhatHappenedAndWhatToDo() {
    RetainedCheckpoint from = new RetainedCheckpoint("file:/data/checkpoints/" + JOB_A + "/chk-12", JOB_A, 12, T0);
    Exception cause = new RuntimeException("org.apache.flink.runtime.client.JobInitializationException: Could not start"
        + " the JobMaster.", new IllegalStateException("Failed to rollback to checkpoint/savepoint file:/x. Cannot map"
        + " checkpoint/savepoint state for operator 5f0 to the new program, because the operator is not available in"
        + " the new program."));

    String message = new RestoreFailedException(from, cause).getMessage();

    assertThat(message)
        .startsWith("The analysis job could not resume from checkpoint 12 of job " + JOB_A)
        .contains("Cannot map checkpoint/savepoint state for operator 5f0")
        .contains("stateful operators changed since that checkpoint")
        .contains("./minsheng demo --fresh")
        .contains("analysis.checkpoint.restore: none");
  }

  /** A real (empty) checkpoint metadata file, as Flink writes it, completed at {@code at}. */
  private Path checkpoint(String job, long number, Instant at) throws IOException {
    Path metadata = dir.resolve(job).resolve("chk-" + number).resolve("_metadata");
    Files.createDirectories(metadata.getParent());
    try (OutputStream out = Files.newOutputStream(metadata); DataOutputStream data = new DataOutputStream(out)) {
      Checkpoints.storeCheckpointMetadata(new CheckpointMetadata(number, List.of(), List.of()), data);
    }
    Files.setLastModifiedTime(metadata, FileTime.from(at));
    return metadata;
  }
}
