package org.minsheng.analysis.topic.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.keywords.Stopwords;
import org.minsheng.analysis.topic.ClusterSettings;
import org.minsheng.analysis.topic.ClusteringScores;
import org.minsheng.analysis.topic.TopicSettings;

/**
 * The demo's six stories (our own text, {@code topic/demo-stories.jsonl}) run at the same time on the demo sites: the
 * job's clustering with its defaults must keep them apart. The time-dominated scorer merged them into one topic
 * (B-cubed F1 0.51, precision 0.44).
 */
class DemoStoriesClusteringTest {

  private static Path demo() throws URISyntaxException {
    return Path.of(Objects.requireNonNull(DemoStoriesClusteringTest.class.getClassLoader()
        .getResource("topic/demo-stories.jsonl")).toURI());
  }

  @Test
  void overlappingDemoStoriesSeparate() throws Exception {
    List<EventPost> posts = new EventFileReader(new HanLpEvalSegmenter()).read(demo(), EventSplit.ALL);
    assertEquals(81, posts.size());
    ClusteringScores s = new ClusterEvaluation(Stopwords.bundled())
        .run(posts, TopicSettings.fromDefaultsFile().cluster());
    assertTrue(s.bcubedPrecision() >= 0.85, "stories kept apart: " + s.toJson());
    assertTrue(s.bcubedF1() >= 0.75, "stories found: " + s.toJson());
    // the time-only rule cannot separate them: the stories overlap
    ClusteringScores time = ClusterEvaluation.timeGapBaseline(posts, 20);
    assertTrue(time.bcubedPrecision() < 0.5, time.toJson());
  }

  @Test
  void settingsCanBeOverriddenByName() {
    ClusterSettings d = ClusterSettings.defaults();
    ClusterSettings s = d.with("priorShare", 0.9).with("maxLiveTopics", 7.4);
    assertEquals(0.9, s.priorShare());
    assertEquals(7, s.maxLiveTopics());
    assertEquals(d.joinThreshold(), s.joinThreshold());
    assertThrows(IllegalArgumentException.class, () -> d.with("timeWeight", 1));
  }
}
