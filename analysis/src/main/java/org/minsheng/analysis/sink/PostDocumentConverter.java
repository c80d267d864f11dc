package org.minsheng.analysis.sink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.es.PostIndexNaming;
import org.minsheng.post.Post;

/**
 * {@link AnalyzedPost} → post document, field for field as in docs/ARCHITECTURE.md ("Post document fields"). Index: the
 * monthly index of {@code publishedAt}; id: the post id. Fields of stages that have not run (null) are left out;
 * {@code indexedAt} comes from the injected clock.
 *
 * <p>A post's document is assembled by two writes that may arrive in either order, both merged into the document
 * (idempotent): {@link #textStages} right after sentiment, so a post is searchable within seconds, and
 * {@link #topicStages} once the event-time-ordered topic stages (reprints, spam, keywords, clustering) have judged it.
 * The text-stage write is a create that turns into a merge only when the document exists
 * ({@link SinkDocument.WriteMode#CREATE_OR_MERGE}: Elasticsearch reads nothing for the usual first write); the
 * topic-stage write is a merge ({@link SinkDocument.WriteMode#MERGE}). The plain constructor writes every field at
 * once (replace).
 */
public final class PostDocumentConverter implements DocumentConverter<AnalyzedPost> {
  private static final long serialVersionUID = 1L;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Which fields a converter writes. */
  enum Part { ALL, TEXT_STAGES, TOPIC_STAGES }

  private final PostIndexNaming naming;
  private final Clock clock;
  private final Part part;

  /** Every field, replacing the document. */
  public PostDocumentConverter(PostIndexNaming naming, Clock clock) {
    this(naming, clock, Part.ALL);
  }

  private PostDocumentConverter(PostIndexNaming naming, Clock clock, Part part) {
    this.naming = Objects.requireNonNull(naming, "naming");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.part = part;
  }

  /** The post and what normalise, segment, sentiment and spam scoring add; merged into the document. */
  public static PostDocumentConverter textStages(PostIndexNaming naming, Clock clock) {
    return new PostDocumentConverter(naming, clock, Part.TEXT_STAGES);
  }

  /** Only what the topic stages add (simhash, duplicates, keywords, entities, topic); merged. */
  public static PostDocumentConverter topicStages(PostIndexNaming naming, Clock clock) {
    return new PostDocumentConverter(naming, clock, Part.TOPIC_STAGES);
  }

  @Override
  public SinkDocument convert(AnalyzedPost analyzed) {
    Post p = analyzed.post;
    if (p == null) {
      throw new IllegalArgumentException("analysed record has no post");
    }
    if (p.id() == null || p.id().isBlank()) {
      throw new IllegalArgumentException("post has no id");
    }
    if (p.publishedAt() == null) {
      throw new IllegalArgumentException("post " + p.id() + " has no publishedAt (it chooses the monthly index)");
    }
    ObjectNode d = JSON.objectNode();
    if (part != Part.TOPIC_STAGES) {
      textStageFields(analyzed, p, d);
    }
    if (part != Part.TEXT_STAGES) {
      topicStageFields(analyzed, d);
    }
    String index = naming.indexFor(p.publishedAt());
    switch (part) {
      case ALL:
        return new SinkDocument(index, p.id(), d);
      case TEXT_STAGES:
        // almost always the document's first write: a plain create; merged when the document exists already
        return new SinkDocument(index, p.id(), d, SinkDocument.WriteMode.CREATE_OR_MERGE);
      default:
        return new SinkDocument(index, p.id(), d, SinkDocument.WriteMode.MERGE);
    }
  }

  private void textStageFields(AnalyzedPost analyzed, Post p, ObjectNode d) {
    put(d, "id", p.id());
    put(d, "platform", p.platform());
    put(d, "site", p.site());
    put(d, "url", p.url());
    put(d, "region", p.region());
    put(d, "parentId", p.parentId());
    put(d, "contentHash", p.contentHash());
    if (p.author() != null) {
      ObjectNode a = d.putObject("author");
      put(a, "id", p.author().id());
      put(a, "name", p.author().name());
      if (p.author().followers() != null) {
        a.put("followers", p.author().followers());
      }
      if (p.author().verified() != null) {
        a.put("verified", p.author().verified());
      }
    }
    put(d, "title", p.title());
    put(d, "text", p.text());
    if (analyzed.tokens != null) {
      // the HanLP words once, space-joined: searched through the whitespace analyser. Not also as a keyword array:
      // that doubled the words in _source and cost Elasticsearch a sorted-set doc value per word, twice per post
      // (the topic-stage merge re-indexes the document); aggregations use the per-post keywords instead.
      put(d, "content", String.join(" ", analyzed.tokens));
    }
    put(d, "publishedAt", p.publishedAt());
    put(d, "fetchedAt", p.fetchedAt());
    put(d, "indexedAt", clock.instant());
    if (p.metrics() != null) {
      ObjectNode m = JSON.objectNode();
      putLong(m, "reposts", p.metrics().reposts());
      putLong(m, "comments", p.metrics().comments());
      putLong(m, "likes", p.metrics().likes());
      putLong(m, "views", p.metrics().views());
      if (!m.isEmpty()) {
        d.set("metrics", m);
      }
    }
    if (analyzed.sentimentLabel != null) {
      d.put("sentiment", analyzed.sentimentLabel);
      d.put("sentimentScore", (float) analyzed.sentimentScore);
      d.put("sentimentConfidence", (float) analyzed.sentimentConfidence);
    }
    put(d, "emotion", analyzed.emotion);
    // spam is a text stage: searches and counts can leave spam out from the first write
    d.put("spamScore", (float) analyzed.spamScore);
    d.put("spam", analyzed.spam);
  }

  private static void topicStageFields(AnalyzedPost analyzed, ObjectNode d) {
    if (analyzed.simhash != 0L) {
      d.put("simhash", String.format(Locale.ROOT, "%016x", analyzed.simhash));
    }
    put(d, "duplicateOf", analyzed.duplicateOf);
    put(d, "duplicateKind", analyzed.duplicateKind);
    strings(d, "keywords", analyzed.keywords);
    strings(d, "persons", analyzed.persons);
    strings(d, "places", analyzed.places);
    strings(d, "organisations", analyzed.organisations);
    put(d, "topicId", analyzed.topicId);
  }

  private static void put(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static void put(ObjectNode node, String field, Instant value) {
    if (value != null) {
      node.put(field, value.toString());
    }
  }

  private static void putLong(ObjectNode node, String field, Long value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static void strings(ObjectNode node, String field, List<String> values) {
    if (values == null) {
      return;
    }
    ArrayNode array = node.putArray(field);
    values.stream().filter(Objects::nonNull).forEach(array::add);
  }
}
