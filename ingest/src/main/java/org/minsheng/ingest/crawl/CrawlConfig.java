package org.minsheng.ingest.crawl;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.minsheng.config.Settings;
import org.minsheng.ingest.fetch.FetchSettings;
import org.minsheng.ingest.source.SourceConfig;

/**
 * Everything the crawler needs, loaded from {@code minsheng-crawl-defaults.yaml} layered with a user file and
 * {@code MINSHENG_*} environment variables ({@link Settings}), or built in code (the demo launcher does that).
 *
 * @param storeFile the MVStore file holding frontier, seen-set and handed-over ids
 * @param threads worker threads (politeness per host is enforced regardless of this number)
 * @param statsInterval how often per-source counters are logged (and written to Elasticsearch)
 * @param onceMaxWait in --once mode, finish when no queued entry is due within this time
 * @param pageMaxAttempts a page failing this often (5xx, network) is given up and recorded as failed
 * @param retryDelay base delay before a failed page is tried again (multiplied by the attempt count)
 * @param maxBlockBackoff cap on the pause of a blocked source (the pause doubles per consecutive block)
 * @param spoolDirectory where the spool hand-off writes NDJSON files
 * @param maxPostsPerFile spool file rotation by size
 * @param maxFileAge spool file rotation by age
 * @param elasticsearchUrl when set, source counters go to the {@code minsheng-sources} index there
 */
public record CrawlConfig(Path storeFile, int threads, Duration statsInterval, Duration onceMaxWait, int pageMaxAttempts,
    Duration retryDelay, Duration maxBlockBackoff, Path spoolDirectory, int maxPostsPerFile, Duration maxFileAge,
    String elasticsearchUrl, FetchSettings fetch, List<SourceConfig> sources) {

  public static final String DEFAULTS = "minsheng-crawl-defaults.yaml";

  public CrawlConfig {
    if (threads < 1) {
      throw new IllegalArgumentException("crawl.threads must be >= 1, was " + threads);
    }
    sources = List.copyOf(sources);
    long distinct = sources.stream().map(SourceConfig::name).distinct().count();
    if (distinct != sources.size()) {
      throw new IllegalArgumentException("source names must be unique: " + sources.stream().map(SourceConfig::name).toList());
    }
  }

  /** Loads defaults, then {@code file} (may be null), then the environment. */
  public static CrawlConfig load(Path file, Map<String, String> env) {
    Settings s = Settings.load(DEFAULTS, file, env);
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    JsonNode tree = s.tree();
    List<SourceConfig> sources;
    try {
      sources = mapper.convertValue(tree.path("sources"), new TypeReference<List<SourceConfig>>() {});
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad 'sources' in " + (file == null ? "the defaults" : file) + ": " + e.getMessage(), e);
    }
    String es = tree.path("elasticsearch").path("url").asText("");
    return new CrawlConfig(
        Path.of(s.string("crawl.store")),
        s.integer("crawl.threads"),
        s.bind("crawl.statsInterval", Duration.class),
        s.bind("crawl.onceMaxWait", Duration.class),
        s.integer("crawl.pageMaxAttempts"),
        s.bind("crawl.retryDelay", Duration.class),
        s.bind("crawl.maxBlockBackoff", Duration.class),
        Path.of(s.string("handoff.spool.directory")),
        s.integer("handoff.spool.maxPostsPerFile"),
        s.bind("handoff.spool.maxFileAge", Duration.class),
        es.isBlank() ? null : es,
        s.bind("fetch", FetchSettings.class),
        sources);
  }

  /** Reads only the source list of a YAML file (for tests and tooling). */
  static List<SourceConfig> parseSources(String yaml) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).registerModule(new JavaTimeModule());
    return mapper.convertValue(mapper.readTree(yaml).path("sources"), new TypeReference<List<SourceConfig>>() {});
  }

  public CrawlConfig withStore(Path store, Path spool) {
    return new CrawlConfig(store, threads, statsInterval, onceMaxWait, pageMaxAttempts, retryDelay, maxBlockBackoff, spool,
        maxPostsPerFile, maxFileAge, elasticsearchUrl, fetch, sources);
  }

  public CrawlConfig withSources(List<SourceConfig> newSources) {
    return new CrawlConfig(storeFile, threads, statsInterval, onceMaxWait, pageMaxAttempts, retryDelay, maxBlockBackoff,
        spoolDirectory, maxPostsPerFile, maxFileAge, elasticsearchUrl, fetch, newSources);
  }

  public CrawlConfig withFetch(FetchSettings newFetch) {
    return new CrawlConfig(storeFile, threads, statsInterval, onceMaxWait, pageMaxAttempts, retryDelay, maxBlockBackoff,
        spoolDirectory, maxPostsPerFile, maxFileAge, elasticsearchUrl, newFetch, sources);
  }

  public CrawlConfig withElasticsearch(String url) {
    return new CrawlConfig(storeFile, threads, statsInterval, onceMaxWait, pageMaxAttempts, retryDelay, maxBlockBackoff,
        spoolDirectory, maxPostsPerFile, maxFileAge, url, fetch, sources);
  }
}
