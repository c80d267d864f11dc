package org.minsheng.bench.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.minsheng.analysis.emotion.TrainedEmotionModel;
import org.minsheng.analysis.sentiment.Sentiment;
import org.minsheng.analysis.sentiment.TrainedSentimentModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Posts scored per second on one thread by the shipped polarity and emotion models (one model instance per thread,
 * as in the job). Posts are 1–8 hand-written clauses (mean about 60 characters), with emoticons,
 * reposts and mentions, built deterministically.
 *
 * <p>Run: {@code java -cp 'bench/target/lib/*:bench/target/classes' org.openjdk.jmh.Main SentimentScoringBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class SentimentScoringBenchmark {
  private static final String[] CLAUSES = {"小区门口的路灯坏了一个月没人修", "物业根本不管", "今天天气真好[哈哈]",
      "国务院召开常务会议部署下一阶段工作", "这家店的外卖送得太慢了，等了一个多小时", "东西还行，但是物流太慢了",
      "终于考上研究生了，太开心了！", "气死我了[怒]", "市教育局发布2024年中考招生政策", "希望有关部门尽快处理",
      "转发微博", "//@张三:支持一下，好人一生平安", "孩子走了，我心里好难受[泪]", "质量并不差，价格也合理",
      "@人民日报 请关注一下这个问题", "http://t.cn/A6abcdEf", "居然是他！完全没想到", "我好害怕，晚上一个人不敢出门"};

  private TrainedSentimentModel sentiment;
  private TrainedEmotionModel emotion;
  private String[] posts;
  private int next;

  @Setup
  public void setUp() {
    sentiment = new TrainedSentimentModel();
    emotion = new TrainedEmotionModel();
    Random random = new Random(7);
    List<String> list = new ArrayList<>();
    for (int i = 0; i < 1024; i++) {
      StringBuilder sb = new StringBuilder();
      int clauses = 1 + random.nextInt(8);
      for (int c = 0; c < clauses; c++) {
        sb.append(CLAUSES[random.nextInt(CLAUSES.length)]).append(c + 1 < clauses ? "，" : "");
      }
      list.add(sb.toString());
    }
    posts = list.toArray(String[]::new);
  }

  private String nextPost() {
    String p = posts[next];
    next = (next + 1) & (posts.length - 1);
    return p;
  }

  /** Polarity: one post per operation, so ops/s = posts/s. */
  @Benchmark
  public Sentiment polarity() {
    return sentiment.score(nextPost(), List.of());
  }

  /** Emotion: one post per operation. */
  @Benchmark
  public Object emotion() {
    return emotion.classify(nextPost());
  }

  /** Mean length of the benchmark posts, for the docs. */
  public static void main(String[] args) {
    SentimentScoringBenchmark b = new SentimentScoringBenchmark();
    b.setUp();
    long chars = 0;
    for (String p : b.posts) {
      chars += p.length();
    }
    System.out.println("mean chars per post: " + chars / b.posts.length);
  }
}
