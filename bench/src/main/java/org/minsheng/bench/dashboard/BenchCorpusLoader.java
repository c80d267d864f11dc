package org.minsheng.bench.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.minsheng.bench.corpus.CorpusGenerator;
import org.minsheng.bench.corpus.CorpusSpec;
import org.minsheng.es.IndexNames;
import org.minsheng.es.IndexTemplates;
import org.minsheng.post.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads N generated posts (as the job's post documents, see {@link BenchDocuments}) plus the topic documents and the
 * hourly region / topic roll-ups ({@code minsheng-trends}) derived from them, straight through the Elasticsearch
 * client's bulk API ({@value #BULK_SIZE} documents per request, two requests in flight, refresh off while loading).
 *
 * <p>The generator's timeline is stretched linearly to cover {@code days} ending at the load time, so the dashboard's
 * default windows (last 24 h, 7 d) hold data. A marker document ({@code minsheng-bench-meta/_doc/dashboard}) records
 * what was loaded; {@link #existing} finds it so a kept node is not loaded twice.
 */
final class BenchCorpusLoader {
  private static final Logger LOG = LoggerFactory.getLogger(BenchCorpusLoader.class);
  static final String META_INDEX = "minsheng-bench-meta";
  static final String META_ID = "dashboard";
  static final int BULK_SIZE = 2000;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ElasticsearchClient client;
  private final IndexNames names;

  BenchCorpusLoader(ElasticsearchClient client, IndexNames names) {
    this.client = client;
    this.names = names;
  }

  /** What is loaded: the span of {@code publishedAt}, keywords and regions that occur, for the queries. */
  record Corpus(long posts, long seed, Instant first, Instant last, List<String> keywords, List<String> regions,
      long topics, long rollups, double loadSeconds, boolean reused) {
    ObjectNode toJson() {
      ObjectNode o = JSON.objectNode();
      o.put("posts", posts);
      o.put("seed", seed);
      o.put("first", first.toString());
      o.put("last", last.toString());
      ArrayNode k = o.putArray("keywords");
      keywords.forEach(k::add);
      ArrayNode r = o.putArray("regions");
      regions.forEach(r::add);
      o.put("topics", topics);
      o.put("rollups", rollups);
      o.put("loadSeconds", loadSeconds);
      return o;
    }

    static Corpus fromJson(ObjectNode o) {
      List<String> keywords = new ArrayList<>();
      o.path("keywords").forEach(n -> keywords.add(n.asText()));
      List<String> regions = new ArrayList<>();
      o.path("regions").forEach(n -> regions.add(n.asText()));
      return new Corpus(o.path("posts").asLong(), o.path("seed").asLong(), Instant.parse(o.path("first").asText()),
          Instant.parse(o.path("last").asText()), keywords, regions, o.path("topics").asLong(),
          o.path("rollups").asLong(), o.path("loadSeconds").asDouble(), true);
    }
  }

  /** The corpus already loaded with {@code posts} and {@code seed}, if the marker says so and the count agrees. */
  Optional<Corpus> existing(long posts, long seed) throws IOException {
    if (!client.indices().exists(e -> e.index(META_INDEX)).value()) {
      return Optional.empty();
    }
    GetResponse<ObjectNode> meta = client.get(g -> g.index(META_INDEX).id(META_ID), ObjectNode.class);
    if (!meta.found() || meta.source() == null) {
      return Optional.empty();
    }
    Corpus c = Corpus.fromJson(meta.source());
    long count = client.count(x -> x.index(names.postsAlias()).ignoreUnavailable(true)).count();
    if (c.posts() != posts || c.seed() != seed || count != posts) {
      LOG.info("bench: the node holds {} posts, loaded as {} posts of seed {}; {} posts of seed {} wanted: reloading",
          count, c.posts(), c.seed(), posts, seed);
      return Optional.empty();
    }
    return Optional.of(c);
  }

  /** Deletes what an earlier run loaded, then loads {@code posts} posts spanning {@code days} up to now. */
  Corpus load(long posts, long seed, int days) throws Exception {
    long t0 = System.nanoTime();
    client.indices().delete(d -> d.index(names.posts().pattern(), names.topics(), names.trends(), META_INDEX)
        .ignoreUnavailable(true).allowNoIndices(true));
    IndexTemplates.applyDefaults(client);

    // pass 1: the generator's own time span, to stretch it onto [now - days, now]
    CorpusSpec spec = CorpusSpec.defaults(seed, Instant.parse("2026-01-01T00:00:00Z"), 1.0);
    CorpusGenerator timing = new CorpusGenerator(spec);
    long genFirst = 0;
    long genLast = 0;
    for (long i = 0; i < posts; i++) {
      long at = timing.next().publishedAt().toEpochMilli();
      if (i == 0) {
        genFirst = at;
      }
      genLast = at;
    }
    Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long spanMs = Duration.ofDays(days).toMillis();
    double scale = genLast > genFirst ? spanMs / (double) (genLast - genFirst) : 0;
    Instant first = end.minusMillis(spanMs);
    createPostIndices(first, end);
    LOG.info("bench: generating and loading {} posts over {} days ending {} (timing pass and index creation took {} s)",
        posts, days, end, (System.nanoTime() - t0) / 1_000_000_000L);

    BenchDocuments documents = new BenchDocuments(seed, end);
    Aggregates aggregates = new Aggregates();
    Set<String> keywords = new LinkedHashSet<>();
    CorpusGenerator generator = new CorpusGenerator(spec);
    ExecutorService senders = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "bench-bulk");
      t.setDaemon(true);
      return t;
    });
    Semaphore inFlight = new Semaphore(2);
    AtomicLong failed = new AtomicLong();
    List<Future<?>> pending = new ArrayList<>();
    try {
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      int inBulk = 0;
      for (long i = 0; i < posts; i++) {
        Post post = generator.next();
        Instant at = end.minusMillis((long) ((genLast - post.publishedAt().toEpochMilli()) * scale));
        BenchDocuments.Doc doc = documents.document(post, at);
        aggregates.add(post, at, doc);
        if (keywords.size() < 40 && post.title() != null && post.title().contains("回应")) {
          String issue = post.title().substring(post.title().indexOf("回应") + 2);
          if (issue.length() >= 2) {
            keywords.add(issue.substring(0, Math.min(4, issue.length())));
          }
        }
        String index = names.posts().indexFor(at);
        bulk.operations(o -> o.index(x -> x.index(index).id(post.id()).document(doc.source())));
        if (++inBulk == BULK_SIZE || i == posts - 1) {
          BulkRequest request = bulk.build();
          bulk = new BulkRequest.Builder();
          inBulk = 0;
          inFlight.acquire();
          pending.add(senders.submit(() -> {
            try {
              failed.addAndGet(send(request));
            } finally {
              inFlight.release();
            }
            return null;
          }));
          pending.removeIf(Future::isDone);
          if ((i + 1) % 100_000 == 0) {
            LOG.info("bench: {} posts sent ({} s)", i + 1, (System.nanoTime() - t0) / 1_000_000_000L);
          }
        }
      }
      for (Future<?> f : pending) {
        f.get();
      }
    } finally {
      senders.shutdown();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " post documents were rejected by Elasticsearch; see the log");
    }
    long topics = loadTopics(aggregates, end);
    long rollups = loadRollups(aggregates);
    client.indices().putSettings(p -> p.index(names.posts().pattern()).settings(s -> s.refreshInterval(r -> r.time("1s"))));
    client.indices().refresh(r -> r.index(names.postsAlias(), names.topics(), names.trends()));
    double seconds = (System.nanoTime() - t0) / 1e9;
    Corpus corpus = new Corpus(posts, seed, first, end, List.copyOf(keywords),
        List.copyOf(new TreeSet<>(aggregates.regions)), topics, rollups, Math.round(seconds * 10) / 10.0, false);
    client.index(x -> x.index(META_INDEX).id(META_ID).document(corpus.toJson()).refresh(
        co.elastic.clients.elasticsearch._types.Refresh.True));
    LOG.info("bench: loaded {} posts, {} topics, {} roll-ups in {} s", posts, topics, rollups, corpus.loadSeconds());
    return corpus;
  }

  private void createPostIndices(Instant first, Instant end) throws IOException {
    Set<String> indices = new TreeSet<>();
    for (Instant t = first; !t.isAfter(end); t = t.plus(Duration.ofDays(1))) {
      indices.add(names.posts().indexFor(t));
    }
    indices.add(names.posts().indexFor(end));
    for (String index : indices) { // refresh off while loading; the template's 1s is put back afterwards
      client.indices().create(c -> c.index(index).settings(s -> s.refreshInterval(r -> r.time("-1"))));
    }
  }

  /** Sends one bulk request; returns how many items failed (logging the first reason). */
  private long send(BulkRequest request) throws IOException {
    BulkResponse response = client.bulk(request);
    if (!response.errors()) {
      return 0;
    }
    long failed = 0;
    for (BulkResponseItem item : response.items()) {
      if (item.error() != null) {
        if (failed == 0) {
          LOG.error("bench: bulk item {} rejected: {}", item.id(), item.error().reason());
        }
        failed++;
      }
    }
    return failed;
  }

  private long loadTopics(Aggregates a, Instant end) throws IOException {
    List<ObjectNode> docs = new ArrayList<>();
    for (Map.Entry<String, TopicAcc> e : a.topics.entrySet()) {
      TopicAcc t = e.getValue();
      ObjectNode d = JSON.objectNode();
      d.put("topicId", e.getKey());
      d.put("title", t.title);
      ArrayNode k = d.putArray("keywords");
      t.keywords.forEach(k::add);
      d.put("firstPostId", t.firstPostId);
      d.put("representativePostId", t.firstPostId);
      d.put("firstSeen", Instant.ofEpochMilli(t.firstSeen).toString());
      d.put("lastSeen", Instant.ofEpochMilli(t.lastSeen).toString());
      d.put("updatedAt", Instant.ofEpochMilli(t.lastSeen).toString());
      ArrayNode sites = d.putArray("sites");
      t.sites.forEach(sites::add);
      ArrayNode regions = d.putArray("regions");
      t.regions.forEach(regions::add);
      d.put("postCount", t.count);
      d.put("reprintCount", 0);
      ObjectNode mix = d.putObject("sentimentMix");
      mix.put("negative", t.mix[0]);
      mix.put("neutral", t.mix[1]);
      mix.put("positive", t.mix[2]);
      d.put("negativeShare", (float) (t.mix[0] / (double) Math.max(1, t.count)));
      double ageHours = (end.toEpochMilli() - t.lastSeen) / 3_600_000.0;
      d.put("heat", (float) (t.count * Math.exp(-ageHours / 24)));
      d.put("growth", (float) (t.lateCount / (double) Math.max(1, t.count - t.lateCount)));
      d.put("lifecycle", ageHours < 6 ? "rising" : ageHours < 24 ? "peak" : "fading");
      docs.add(d);
    }
    bulkFixed(names.topics(), docs, d -> d.path("topicId").asText());
    return docs.size();
  }

  private long loadRollups(Aggregates a) throws IOException {
    List<ObjectNode> docs = new ArrayList<>();
    for (Map.Entry<String, long[]> e : a.rollups.entrySet()) {
      String[] parts = e.getKey().split("\u0001");
      long start = Long.parseLong(parts[2]);
      long[] v = e.getValue();
      ObjectNode d = JSON.objectNode();
      d.put("kind", parts[0]);
      d.put("key", parts[1]);
      d.put("windowStart", Instant.ofEpochMilli(start).toString());
      d.put("windowEnd", Instant.ofEpochMilli(start + 3_600_000).toString());
      d.put("volume", v[0]);
      d.put("negative", v[1]);
      d.put("neutral", v[2]);
      d.put("positive", v[3]);
      d.put("interactions", v[4]);
      d.put("reach", v[5]);
      d.put("heat", (float) (v[0] + Math.log1p(v[4])));
      d.put("id", parts[0] + ":" + parts[1] + ":" + start);
      docs.add(d);
    }
    bulkFixed(names.trends(), docs, d -> d.remove("id").asText());
    return docs.size();
  }

  private void bulkFixed(String index, List<ObjectNode> docs, java.util.function.Function<ObjectNode, String> id)
      throws IOException {
    for (int from = 0; from < docs.size(); from += BULK_SIZE) {
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      for (ObjectNode d : docs.subList(from, Math.min(docs.size(), from + BULK_SIZE))) {
        String docId = id.apply(d);
        bulk.operations(o -> o.index(x -> x.index(index).id(docId).document(d)));
      }
      long failed = send(bulk.build());
      if (failed > 0) {
        throw new IllegalStateException(failed + " documents rejected by " + index);
      }
    }
  }

  /** Topic and roll-up figures accumulated while the posts stream past. */
  private static final class Aggregates {
    final Map<String, TopicAcc> topics = new HashMap<>();
    final Map<String, long[]> rollups = new HashMap<>();
    final Set<String> regions = new java.util.HashSet<>();

    void add(Post post, Instant at, BenchDocuments.Doc doc) {
      int s = switch (doc.sentiment()) {
        case "negative" -> 0;
        case "neutral" -> 1;
        default -> 2;
      };
      long interactions = 0;
      if (post.metrics() != null) {
        interactions = nz(post.metrics().reposts()) + nz(post.metrics().comments()) + nz(post.metrics().likes());
      }
      long reach = post.author() == null ? 0 : nz(post.author().followers());
      long hour = at.toEpochMilli() / 3_600_000 * 3_600_000;
      if (post.region() != null) {
        regions.add(post.region());
        roll("region", post.region(), hour, s, interactions, reach);
      }
      if (doc.topicId() != null) {
        roll("topic", doc.topicId(), hour, s, interactions, reach);
        TopicAcc t = topics.computeIfAbsent(doc.topicId(), k -> new TopicAcc(post, at));
        t.add(post, at, s);
      }
    }

    private void roll(String kind, String key, long hour, int s, long interactions, long reach) {
      long[] v = rollups.computeIfAbsent(kind + "\u0001" + key + "\u0001" + hour, k -> new long[6]);
      v[0]++;
      v[1 + s]++;
      v[4] += interactions;
      v[5] += reach;
    }

    private static long nz(Long v) {
      return v == null ? 0 : v;
    }
  }

  private static final class TopicAcc {
    final String title;
    final String firstPostId;
    final List<String> keywords;
    final Set<String> sites = new LinkedHashSet<>();
    final Set<String> regions = new LinkedHashSet<>();
    final long[] mix = new long[3];
    final long firstSeen;
    long lastSeen;
    long count;
    long lateCount;

    TopicAcc(Post first, Instant at) {
      String text = first.title() != null ? first.title() : first.text();
      this.title = text.substring(0, Math.min(30, text.length()));
      this.firstPostId = first.id();
      this.keywords = BenchDocuments.tokens(text).stream().limit(8).toList();
      this.firstSeen = at.toEpochMilli();
      this.lastSeen = firstSeen;
    }

    void add(Post post, Instant at, int sentiment) {
      count++;
      mix[sentiment]++;
      lastSeen = Math.max(lastSeen, at.toEpochMilli());
      if (at.toEpochMilli() - firstSeen > 12 * 3_600_000L) {
        lateCount++;
      }
      if (sites.size() < 8) {
        sites.add(post.site());
      }
      if (post.region() != null && regions.size() < 8) {
        regions.add(post.region());
      }
    }
  }
}
