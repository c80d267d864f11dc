package org.minsheng.analysis.topic.eval;

import java.util.ArrayList;
import java.util.List;
import org.minsheng.analysis.keywords.Stopwords;
import org.minsheng.analysis.topic.ClusterSettings;
import org.minsheng.analysis.topic.ClusteringScores;
import org.minsheng.analysis.topic.InMemoryTopicStore;
import org.minsheng.analysis.topic.TopicAssigner;

/**
 * Feeds event-labelled posts in time order through {@link TopicAssigner} (the job's clustering code) and scores the
 * topics against the events. Each post's cluster is its topic after all merges (what the topic documents show).
 */
public final class ClusterEvaluation {
  private final Stopwords stopwords;

  public ClusterEvaluation(Stopwords stopwords) {
    this.stopwords = stopwords;
  }

  /**
   * The time-only baseline of DESIGN.md: a post opens a new cluster when no post came in the previous
   * {@code gapMinutes}, else joins the current one.
   */
  public static ClusteringScores timeGapBaseline(List<EventPost> posts, double gapMinutes) {
    List<String> gold = new ArrayList<>(posts.size());
    List<String> predicted = new ArrayList<>(posts.size());
    long last = Long.MIN_VALUE;
    int cluster = 0;
    for (EventPost p : posts) {
      if (last == Long.MIN_VALUE || p.time() - last > gapMinutes * 60) {
        cluster++;
      }
      last = p.time();
      gold.add(p.eventId());
      predicted.add("g" + cluster);
    }
    return ClusteringScores.of(gold, predicted);
  }

  public ClusteringScores run(List<EventPost> posts, ClusterSettings settings) {
    InMemoryTopicStore store = new InMemoryTopicStore(settings.maxPostLinks());
    TopicAssigner assigner = new TopicAssigner(settings, store, stopwords);
    List<String> gold = new ArrayList<>(posts.size());
    List<String> assigned = new ArrayList<>(posts.size());
    for (EventPost p : posts) {
      String id = "p" + p.line();
      TopicAssigner.Result r = assigner.assign(new TopicAssigner.Input(id, null, null, p.time() * 1000, p.tokens(),
          p.pos(), p.text(), null, null, null, 0));
      gold.add(p.eventId());
      assigned.add(r.assignment().topicId());
    }
    // resolve merges: a post keeps the topic it joined; that topic may since have merged into another
    List<String> predicted = new ArrayList<>(assigned.size());
    java.util.Map<String, String> finalTopic = new java.util.HashMap<>();
    for (String t : assigned) {
      predicted.add(finalTopic.computeIfAbsent(t, k -> {
        String r = assigner.clusterer().resolve(k);
        return r == null ? k : r;
      }));
    }
    return ClusteringScores.of(gold, predicted);
  }
}
