package org.minsheng.bench.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.minsheng.post.Post;

/**
 * Turns a generated {@link Post} into the post document the job writes (the fields of
 * {@code PostDocumentConverter}: text stages and topic stages merged), without running the NLP stages, so that a
 * million documents load in minutes:
 *
 * <ul>
 *   <li>{@code tokens} / {@code content}: Han-character bigrams and ASCII words of title + text (at most
 *       {@value #MAX_TOKENS} distinct), standing in for HanLP words: same field shapes and similar cardinality;</li>
 *   <li>{@code sentiment}: drawn by seed, 50 % negative / 35 % neutral / 15 % positive (the generator's opinion mix),
 *       {@code sentimentScore} in [-1, 1] consistent with the label, {@code emotion} consistent too;</li>
 *   <li>{@code topicId}: 70 % of the non-spam posts belong to one of {@value #TOPICS_PER_DAY} topics of their UTC day
 *       (topics live about a day, as the job's clusters do), chosen by a hash of the text's opening; spam has none;</li>
 *   <li>{@code spam}, {@code spamScore}, {@code simhash}, {@code keywords} (a few tokens), metrics as generated.</li>
 * </ul>
 */
final class BenchDocuments {
  static final int MAX_TOKENS = 80;
  static final int TOPICS_PER_DAY = 100;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] EMOTIONS_NEGATIVE = {"angry", "sad", "fear"};
  private static final String[] EMOTIONS_POSITIVE = {"happy", "surprise"};

  private final SplittableRandom random;
  private final Instant indexedAt;

  BenchDocuments(long seed, Instant indexedAt) {
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.indexedAt = indexedAt;
  }

  /** A document and the values the loader aggregates into topics and roll-ups. */
  record Doc(ObjectNode source, String topicId, String sentiment) {
  }

  /** {@code post} published at {@code at} (the loader shifts the generator's clock to end at load time). */
  Doc document(Post post, Instant at) {
    ObjectNode d = JSON.objectNode();
    d.put("id", post.id());
    d.put("platform", post.platform());
    d.put("site", post.site());
    d.put("url", post.url());
    if (post.region() != null) {
      d.put("region", post.region());
    }
    if (post.parentId() != null) {
      d.put("parentId", post.parentId());
    }
    if (post.author() != null) {
      ObjectNode a = d.putObject("author");
      if (post.author().id() != null) {
        a.put("id", post.author().id());
      }
      if (post.author().name() != null) {
        a.put("name", post.author().name());
      }
      if (post.author().followers() != null) {
        a.put("followers", post.author().followers());
      }
      if (post.author().verified() != null) {
        a.put("verified", post.author().verified());
      }
    }
    String title = post.title() == null ? "" : post.title();
    String text = post.text() == null ? "" : post.text();
    if (!title.isEmpty()) {
      d.put("title", title);
    }
    d.put("text", text);
    Set<String> tokens = tokens(title + " " + text);
    d.put("content", String.join(" ", tokens));
    ArrayNode t = d.putArray("tokens");
    tokens.forEach(t::add);
    d.put("publishedAt", at.toString());
    d.put("fetchedAt", at.plus(Duration.ofSeconds(30 + random.nextInt(600))).toString());
    d.put("indexedAt", indexedAt.toString());
    if (post.metrics() != null) {
      ObjectNode m = d.putObject("metrics");
      putLong(m, "reposts", post.metrics().reposts());
      putLong(m, "comments", post.metrics().comments());
      putLong(m, "likes", post.metrics().likes());
      putLong(m, "views", post.metrics().views());
    }
    boolean spam = text.contains("http://t.example.cn/");
    double draw = random.nextDouble();
    String sentiment = spam ? "neutral" : draw < 0.50 ? "negative" : draw < 0.85 ? "neutral" : "positive";
    double score = switch (sentiment) {
      case "negative" -> -0.2 - 0.8 * random.nextDouble();
      case "positive" -> 0.2 + 0.8 * random.nextDouble();
      default -> -0.2 + 0.4 * random.nextDouble();
    };
    d.put("sentiment", sentiment);
    d.put("sentimentScore", (float) score);
    d.put("sentimentConfidence", (float) (0.5 + 0.5 * random.nextDouble()));
    d.put("emotion", switch (sentiment) {
      case "negative" -> EMOTIONS_NEGATIVE[random.nextInt(EMOTIONS_NEGATIVE.length)];
      case "positive" -> EMOTIONS_POSITIVE[random.nextInt(EMOTIONS_POSITIVE.length)];
      default -> "neutral";
    });
    d.put("simhash", String.format(Locale.ROOT, "%016x", random.nextLong()));
    d.put("spamScore", (float) (spam ? 0.8 + 0.2 * random.nextDouble() : 0.3 * random.nextDouble()));
    d.put("spam", spam);
    ArrayNode keywords = d.putArray("keywords");
    tokens.stream().limit(5).forEach(keywords::add);
    String topicId = null;
    if (!spam && random.nextDouble() < 0.7) {
      long day = at.getEpochSecond() / 86_400;
      String opening = text.substring(0, Math.min(12, text.length()));
      topicId = "bt-" + day + "-" + Math.floorMod(opening.hashCode(), TOPICS_PER_DAY);
      d.put("topicId", topicId);
    }
    return new Doc(d, topicId, sentiment);
  }

  /** Distinct Han bigrams and ASCII words, in order of appearance, at most {@value #MAX_TOKENS}. */
  static Set<String> tokens(String s) {
    Set<String> out = new LinkedHashSet<>();
    int i = 0;
    while (i < s.length() && out.size() < MAX_TOKENS) {
      char c = s.charAt(i);
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        if (i + 1 < s.length() && Character.UnicodeScript.of(s.charAt(i + 1)) == Character.UnicodeScript.HAN) {
          out.add(s.substring(i, i + 2));
        }
        i++;
      } else if (Character.isLetterOrDigit(c) && c < 128) {
        int j = i;
        while (j < s.length() && s.charAt(j) < 128 && Character.isLetterOrDigit(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j).toLowerCase(Locale.ROOT));
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  private static void putLong(ObjectNode node, String field, Long value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
