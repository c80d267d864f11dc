package org.minsheng.bench.topic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minsheng.analysis.keywords.Stopwords;
import org.minsheng.analysis.topic.InMemoryTopicStore;
import org.minsheng.analysis.topic.TopicAssigner;
import org.minsheng.analysis.topic.TopicSettings;
import org.minsheng.analysis.topic.eval.EventFileReader;
import org.minsheng.analysis.topic.eval.EventPost;
import org.minsheng.analysis.topic.eval.EventSplit;
import org.minsheng.analysis.topic.eval.HanLpEvalSegmenter;
import org.minsheng.config.SharedData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The clustering step alone (TF-IDF vector with streaming document frequencies + candidate retrieval + scoring +
 * topic update), as the job's single clustering subtask runs it, one thread: posts/s per core. Input: the CED Weibo
 * posts (already segmented in setup, segmentation is not measured), replayed in time order, as is or time-overlapped
 * ({@code overlap=true}: every event's start moved into one 6-hour window, so hundreds of topics are live at once).
 * Each replay shifts time forward so topics expire as in a long-running job.
 *
 * <p>Run: {@code java -cp 'bench/target/lib/*:bench/target/classes' org.openjdk.jmh.Main TopicClusteringBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class TopicClusteringBenchmark {

  @Param({"false", "true"})
  public boolean overlap;

  private List<TopicAssigner.Input> inputs;
  private TopicAssigner assigner;
  private int next;
  private long shift;
  private long span;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    Path file = SharedData.resolve("data/events/ced_weibo_rumor/posts.jsonl")
        .orElseThrow(() -> new IllegalStateException("the benchmark needs the shared CED file (MINSHENG_SHARED_DIR)"));
    List<EventPost> posts = new EventFileReader(new HanLpEvalSegmenter()).read(file, EventSplit.ALL);
    if (overlap) {
      posts = Overlap.of(posts, 6 * 3600, 7);
    }
    inputs = new ArrayList<>(posts.size());
    for (EventPost p : posts) {
      inputs.add(new TopicAssigner.Input("p" + p.line(), null, null, p.time() * 1000, p.tokens(), p.pos(),
          p.text(), null, null, null, 0));
    }
    span = inputs.get(inputs.size() - 1).eventTime() - inputs.get(0).eventTime() + 86_400_000L;
    TopicSettings s = TopicSettings.fromDefaultsFile();
    assigner = new TopicAssigner(s.cluster(), new InMemoryTopicStore(s.cluster().maxPostLinks()), Stopwords.bundled());
  }

  @Benchmark
  public Object assignOnePost() {
    TopicAssigner.Input in = inputs.get(next);
    if (++next == inputs.size()) {
      next = 0;
      shift += span;
    }
    TopicAssigner.Input shifted = new TopicAssigner.Input(in.postId() + "@" + shift, null, null, in.eventTime() + shift,
        in.tokens(), in.pos(), in.title(), null, null, null, 0);
    return assigner.assign(shifted).assignment().topicId();
  }
}
