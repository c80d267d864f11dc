package org.minsheng.analysis.topic;

import java.util.List;
import java.util.Map;
import org.minsheng.analysis.keywords.DocumentFrequencies;
import org.minsheng.analysis.keywords.KeywordExtractor;
import org.minsheng.analysis.keywords.Stopwords;
import org.minsheng.analysis.keywords.TermFilter;

/**
 * The clustering step exactly as the job runs it: learn the post's terms into the streaming document frequencies,
 * build its TF-IDF vector, assign it with {@link TopicClusterer}. Used by the Flink operator, the evaluation command
 * and the benchmark alike, so the figures measure the job's code. The keywords written to each post document are the
 * heaviest terms of the vector built here, so they come from the same, event-time-ordered, checkpointed frequencies.
 */
public final class TopicAssigner {
  private final KeywordExtractor vectoriser;
  private final TopicClusterer clusterer;

  public TopicAssigner(ClusterSettings settings, TopicStore store, Stopwords stopwords) {
    this(settings, store, stopwords, new DocumentFrequencies(settings.dfMaxTerms(), settings.dfHalfLifeDocs()));
  }

  /** With document frequencies learnt before (restored from a checkpoint). */
  public TopicAssigner(ClusterSettings settings, TopicStore store, Stopwords stopwords, DocumentFrequencies df) {
    this.vectoriser = new KeywordExtractor(new TermFilter(stopwords), df, settings.entityBoost());
    this.clusterer = new TopicClusterer(settings, store);
  }

  /** One post in. */
  public record Input(String postId, String parentId, String duplicateOf, long eventTime, List<String> tokens,
      List<String> pos, String title, String site, String region, String sentiment, double weight) {}

  /** The assignment and the vector it was made from (for keywords). */
  public record Result(Assignment assignment, Map<String, Double> vector) {}

  public Result assign(Input in) {
    KeywordExtractor.Weighted w = vectoriser.learnAndWeigh(in.tokens(), in.pos());
    Map<String, Double> vector = w.vector();
    ClusterPost p = new ClusterPost(in.postId(), in.parentId(), in.duplicateOf(), in.eventTime(), vector, in.title(),
        in.site(), in.region(), in.sentiment(), in.weight(), w.mass());
    return new Result(clusterer.assign(p), vector);
  }

  /**
   * The vector of a post that must not shape the statistics (spam): weighed with the frequencies as they stand, not
   * learnt, not clustered.
   */
  public Map<String, Double> vectorOnly(List<String> tokens, List<String> pos) {
    return vectoriser.weighOnly(tokens, pos).vector();
  }

  /** The document frequencies the assigner learns (for checkpointing them). */
  public DocumentFrequencies documentFrequencies() {
    return vectoriser.documentFrequencies();
  }

  public TopicClusterer clusterer() {
    return clusterer;
  }
}
