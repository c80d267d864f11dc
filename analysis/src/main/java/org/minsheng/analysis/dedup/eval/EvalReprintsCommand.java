package org.minsheng.analysis.dedup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minsheng.analysis.topic.TopicSettings;
import org.minsheng.analysis.topic.eval.HanLpEvalSegmenter;
import org.minsheng.cli.CliCommand;
import org.minsheng.config.SharedData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code minsheng eval reprints}: precision and recall of near-duplicate detection on generated reprints of real
 * articles (GNE news bodies and CED Weibo source posts of at least {@code --min-chars} characters).
 */
@Command(name = "reprints", mixinStandardHelpOptions = true,
    description = "Score reprint (near-duplicate) detection on generated reprints of real articles.")
public final class EvalReprintsCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(EvalReprintsCommand.class);

  @Option(names = "--events", description = "event JSONL whose source posts are articles (default: shared CED file)")
  Path events;

  @Option(names = "--news", description = "GNE silver result file with news bodies (default: shared copy)")
  Path news;

  @Option(names = "--min-chars", defaultValue = "120", description = "shortest article used")
  int minChars;

  @Option(names = "--reprints", defaultValue = "5", description = "reprints generated per article")
  int reprints;

  @Option(names = "--seed", defaultValue = "7")
  long seed;

  @Option(names = "--simhash-only", description = "exact key and SimHash bands only, without sentence sketches")
  boolean simhashOnly;

  /**
   * The same rumour was often posted as several CED events; such pairs are real reprints of each other and would be
   * scored as false positives. Articles are kept only if their character 5-gram Jaccard similarity to every earlier
   * kept article stays below this — a measure independent of the detector under test.
   */
  static final double DISTINCT_JACCARD = 0.2;

  static List<String> distinct(List<String> articles) {
    List<String> kept = new ArrayList<>();
    List<java.util.Set<String>> grams = new ArrayList<>();
    for (String a : articles) {
      String core = a.replaceAll("[^\\p{L}\\p{N}]", "");
      java.util.Set<String> g = new java.util.HashSet<>();
      for (int i = 0; i + 5 <= core.length(); i++) {
        g.add(core.substring(i, i + 5));
      }
      boolean copy = false;
      for (java.util.Set<String> other : grams) {
        int shared = 0;
        for (String x : g) {
          if (other.contains(x)) {
            shared++;
          }
        }
        int union = g.size() + other.size() - shared;
        if (union > 0 && (double) shared / union >= DISTINCT_JACCARD) {
          copy = true;
          break;
        }
      }
      if (!copy && !g.isEmpty()) {
        kept.add(a);
        grams.add(g);
      }
    }
    return kept;
  }

  @Override
  public List<String> path() {
    return List.of("eval", "reprints");
  }

  @Override
  public Integer call() throws Exception {
    Path ev = events != null ? events : SharedData.resolve("data/events/ced_weibo_rumor/posts.jsonl")
        .orElseThrow(() -> new IllegalArgumentException("no --events and no shared data directory"));
    Path nw = news != null ? news : SharedData.resolve("data/extraction/gne_test_pages/gne_result_silver.txt")
        .orElse(null);
    List<String> articles = new ArrayList<>();
    if (nw != null && Files.exists(nw)) {
      ObjectMapper json = new ObjectMapper();
      // blocks: a ">>>>…path…>>>>" line, a JSON object, a "<<<<…" line
      StringBuilder block = new StringBuilder();
      for (String line : Files.readAllLines(nw, StandardCharsets.UTF_8)) {
        if (line.startsWith(">>>>")) {
          block.setLength(0);
        } else if (line.startsWith("<<<<")) {
          String body = json.readTree(block.toString()).path("content").asText("");
          if (body.length() >= minChars) {
            articles.add(body);
          }
        } else {
          block.append(line).append('\n');
        }
      }
    }
    int news = articles.size();
    ObjectMapper json = new ObjectMapper();
    java.util.Set<String> seen = new java.util.HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(ev, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode o = json.readTree(line);
        String text = o.path("text").asText("");
        if ("source".equals(o.path("role").asText()) && text.length() >= minChars && seen.add(text)) {
          articles.add(text);
        }
      }
    }
    int before = articles.size();
    articles = distinct(articles);
    LOG.info("{} articles ({} news bodies, {} Weibo source posts; {} dropped as near copies of an earlier one by "
        + "character 5-gram Jaccard >= {}), {} reprints each", articles.size(), news, articles.size() - news,
        before - articles.size(), DISTINCT_JACCARD, reprints);
    int maxDistance = TopicSettings.fromDefaultsFile().dedup().maxDistance();
    ReprintEvaluation.Result result = new ReprintEvaluation(new HanLpEvalSegmenter(), maxDistance, !simhashOnly)
        .run(articles, reprints, seed);
    System.out.println(result.toJson());
    return 0;
  }
}
