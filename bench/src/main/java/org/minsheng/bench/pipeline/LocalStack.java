package org.minsheng.bench.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.es.EsSettings;
import org.minsheng.es.IndexNames;
import org.minsheng.es.IndexTemplates;
import org.minsheng.es.LocalElasticsearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack a harness measures: a local Elasticsearch node (unless a URL is given) and the real analysis job, started
 * exactly as {@code ./minsheng demo} starts it ({@link AnalysisMain#startLocal}: continuous spool source, the job's
 * own settings from {@code minsheng-analysis.yaml}) on an in-process MiniCluster, reading a fresh spool directory.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final Path work;
  private final LocalElasticsearch es;
  private final String url;
  private final IndexNames names;
  private AnalysisConfig config;
  private JobClient job;

  private LocalStack(Path work, LocalElasticsearch es, String url) {
    this.work = work;
    this.es = es;
    this.url = url;
    this.names = IndexTemplates.from(EsSettings.loadDefaults()).names();
  }

  /** Starts a local node with {@code heap} unless {@code esUrl} is given; {@code work} holds spool and checkpoints. */
  public static LocalStack start(Path work, String esUrl, String heap) throws Exception {
    Files.createDirectories(work.resolve("spool"));
    if (esUrl != null) {
      LOG.info("bench: using the Elasticsearch at {}", esUrl);
      return new LocalStack(work, null, esUrl);
    }
    long t0 = System.nanoTime();
    LocalElasticsearch node = LocalElasticsearch.builder().port(0).heap(heap).build();
    try {
      node.start();
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    LOG.info("bench: local Elasticsearch {} up in {} s (heap {})", node.url(), (System.nanoTime() - t0) / 1_000_000_000L, heap);
    return new LocalStack(work, node, node.url());
  }

  public Path spool() {
    return work.resolve("spool");
  }

  public String url() {
    return url;
  }

  public IndexNames names() {
    return names;
  }

  /** Parallelism the job runs with ({@code analysis.parallelism}). */
  public int parallelism() {
    return config().parallelism();
  }

  /** The job's settings with this stack's spool, Elasticsearch and checkpoint directory. */
  public AnalysisConfig config() {
    if (config == null) {
      AnalysisConfig defaults = AnalysisConfig.load();
      config = defaults.withSpoolDirectory(spool().toString()).withElasticsearchUrl(url)
          .withCheckpoints(work.resolve("checkpoints").toString(), defaults.job().checkpointInterval());
    }
    return config;
  }

  /** Starts the job (index templates applied by {@link AnalysisMain}). */
  public void startJob() throws Exception {
    job = AnalysisMain.startLocal(config());
  }

  public void stopJob() throws Exception {
    if (job != null) {
      JobClient j = job;
      job = null;
      AnalysisMain.stop(j, Duration.ofSeconds(60));
    }
  }

  /** Processes of the local node (empty for an external one). */
  public List<ProcessHandle> elasticsearchProcesses() {
    return es == null ? List.of() : es.processTree();
  }

  @Override
  public void close() throws Exception {
    try {
      stopJob();
    } finally {
      if (es != null) {
        es.close();
      }
    }
  }
}
