package org.minsheng.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.minsheng.analysis.job.AnalysisConfig;
import org.minsheng.analysis.job.AnalysisMain;
import org.minsheng.config.Settings;
import org.minsheng.es.IndexNames;
import org.minsheng.es.LocalElasticsearch;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.post.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scaling figure of issue 8 (posts/s with 2 slots vs 1 slot on the same input): starts a local Elasticsearch node,
 * then for each run (parallelism 1 and 2, by default in the order 1, 2, 2, 1) a fresh local cluster (1 TaskManager,
 * 2 slots), writes the same posts into a fresh spool directory, submits the analysis job, and times from the first
 * post document in Elasticsearch to the last.
 * Not a test: a harness run by hand, printing one JSON object.
 *
 * <pre>java $(cat deploy/local/target/classes/minsheng-jvm.options) -cp 'deploy/local/target/classes:deploy/local/target/lib/*' \
 *   org.minsheng.local.cluster.ClusterScalingMeasurement [posts] [work directory] [order, e.g. 1,2,2,1]</pre>
 */
public final class ClusterScalingMeasurement {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterScalingMeasurement.class);
  private static final String[] TEXTS = {
      "市民反映小區停車難，希望相關部門儘快解決。",
      "今天的發佈會介紹了新的便民服務措施，市民很滿意。",
      "網友曝光某餐廳衛生問題，引發熱議，多人表示失望。",
      "交通部門發布通知，週末部分路段將臨時管制。",
  };

  private ClusterScalingMeasurement() {}

  public static void main(String[] args) throws Exception {
    int posts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path work = Path.of(args.length > 1 ? args[1] : "data/cluster-scaling").toAbsolutePath();
    // the order of the runs, e.g. 1,2,2,1 (alternating cancels the drift of a shared machine's load)
    List<Integer> order = (args.length > 2 ? List.of(args[2].split(",")) : List.of("1", "2", "2", "1")).stream()
        .map(Integer::parseInt).toList();
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    out.put("posts", posts);
    out.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    ArrayNode runs = out.putArray("runs");
    try (LocalElasticsearch es = LocalElasticsearch.builder().port(0).heap("512m").build()) {
      es.start();
      // a fresh cluster per run: no run profits from JIT-compiled code or dictionaries another run left in a JVM
      int run = 0;
      for (int parallelism : order) {
        ClusterSpec spec = ClusterSpec.defaults(work.resolve("cluster-" + run), JvmLaunchers.ofThisJvm())
            .withPorts(18_181, 16_223).withTaskManagers(1, 2);
        try (LocalFlinkCluster cluster = LocalFlinkCluster.start(spec).stopOnJvmExit()) {
          runs.add(run(json, cluster, es.url(), work.resolve("run-" + run + "-p" + parallelism), posts, parallelism));
        }
        run++;
      }
    }
    double p1 = 0;
    double p2 = 0;
    for (JsonNode r : runs) {
      if (r.path("parallelism").asInt() == 1) {
        p1 = Math.max(p1, r.path("postsPerSecond").asDouble());
      } else if (r.path("parallelism").asInt() == 2) {
        p2 = Math.max(p2, r.path("postsPerSecond").asDouble());
      }
    }
    out.put("speedupBestOf", Math.round(p2 / p1 * 100) / 100.0);
    System.out.println(json.writeValueAsString(out));
  }

  private static ObjectNode run(ObjectMapper json, LocalFlinkCluster cluster, String esUrl, Path dir, int posts,
      int parallelism) throws Exception {
    deleteIndices(esUrl);
    Path spool = Files.createDirectories(dir.resolve("spool"));
    // files of posts/8: every source reader gets splits at either parallelism
    try (SpoolDirectoryWriter writer = new SpoolDirectoryWriter(spool, Math.max(1, posts / 8), Duration.ofHours(1))) {
      Instant base = Instant.parse("2026-03-01T10:00:00Z");
      for (int i = 0; i < posts; i++) {
        writer.send(Post.builder().id("s:" + i).platform("forum").site("bbs.example.cn").title("帖子" + i)
            .text(TEXTS[i % TEXTS.length] + "（第" + i + "帖）").publishedAt(base.plusSeconds(i)).build());
      }
      writer.flush();
    }
    AnalysisConfig config = AnalysisConfig.from(Settings.load(AnalysisConfig.DEFAULTS, null,
            Map.of("MINSHENG_ANALYSIS_PARALLELISM", Integer.toString(parallelism))))
        .withSpoolDirectory(spool.toString())
        .withElasticsearchUrl(esUrl)
        .withCheckpoints(dir.resolve("checkpoints").toString(), Duration.ofSeconds(5));
    Instant submitted = Instant.now();
    String id = new ClusterJobSubmitter("127.0.0.1", cluster.spec().restPort())
        .submit(AnalysisMain.job(config), ClusterJobSubmitter.jobConfiguration(config, 0, Duration.ofSeconds(1)),
            parallelism).toHexString();
    Instant first = null;
    long firstCount = 0;
    long count = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    while (count < posts) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("parallelism " + parallelism + ": only " + count + " of " + posts + " posts");
      }
      Thread.sleep(250);
      try {
        count = count(esUrl);
      } catch (IOException e) {
        // the posts index is being created (503 while its shard starts): ask again
        LOG.debug("scaling: count not available yet: {}", e.getMessage());
        continue;
      }
      if (first == null && count > 0) {
        first = Instant.now();
        firstCount = count;
      }
    }
    Instant last = Instant.now();
    cluster.rest().cancel(id);
    double seconds = Duration.between(first, last).toMillis() / 1000.0;
    double rate = (posts - firstCount) / seconds;
    LOG.info("scaling: parallelism {}: {} posts, {} posts/s from the first document to the last ({} s; {} s after"
        + " submission)", parallelism, posts, Math.round(rate), seconds,
        Duration.between(submitted, last).toMillis() / 1000.0);
    ObjectNode r = json.createObjectNode();
    r.put("parallelism", parallelism);
    r.put("postsPerSecond", Math.round(rate));
    r.put("firstToLastSeconds", seconds);
    r.put("submitToLastSeconds", Duration.between(submitted, last).toMillis() / 1000.0);
    // wait until the slots are free again for the next run
    LocalFlinkCluster.await(() -> {
      try {
        return cluster.rest().activeJobIds().isEmpty();
      } catch (IOException e) {
        return false;
      }
    }, "job " + id + " to end", Duration.ofMinutes(1));
    return r;
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static long count(String esUrl) throws Exception {
    String index = IndexNames.DEFAULT.postsAlias();
    post(esUrl + "/" + index + "/_refresh?ignore_unavailable=true&allow_no_indices=true");
    JsonNode r = new ObjectMapper().readTree(
        post(esUrl + "/" + index + "/_count?ignore_unavailable=true&allow_no_indices=true"));
    return r.path("count").asLong();
  }

  private static void deleteIndices(String esUrl) throws Exception {
    HTTP.send(HttpRequest.newBuilder(URI.create(esUrl + "/" + IndexNames.DEFAULT.prefix() + "-*"
            + "?expand_wildcards=all&ignore_unavailable=true&allow_no_indices=true")).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static String post(String url) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() / 100 != 2) {
      throw new IOException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
