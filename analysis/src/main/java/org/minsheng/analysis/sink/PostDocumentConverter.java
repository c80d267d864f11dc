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
 */
public final class PostDocumentConverter implements DocumentConverter<AnalyzedPost> {
  private static final long serialVersionUID = 1L;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final PostIndexNaming naming;
  private final Clock clock;

  public PostDocumentConverter(PostIndexNaming naming, Clock clock) {
    this.naming = Objects.requireNonNull(naming, "naming");
    this.clock = Objects.requireNonNull(clock, "clock");
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
      put(d, "content", String.join(" ", analyzed.tokens));
      strings(d, "tokens", analyzed.tokens);
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
    if (analyzed.simhash != 0L) {
      d.put("simhash", String.format(Locale.ROOT, "%016x", analyzed.simhash));
    }
    put(d, "duplicateOf", analyzed.duplicateOf);
    put(d, "duplicateKind", analyzed.duplicateKind);
    d.put("spamScore", (float) analyzed.spamScore);
    d.put("spam", analyzed.spam);
    strings(d, "keywords", analyzed.keywords);
    strings(d, "persons", analyzed.persons);
    strings(d, "places", analyzed.places);
    strings(d, "organisations", analyzed.organisations);
    put(d, "topicId", analyzed.topicId);
    return new SinkDocument(naming.indexFor(p.publishedAt()), p.id(), d);
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
