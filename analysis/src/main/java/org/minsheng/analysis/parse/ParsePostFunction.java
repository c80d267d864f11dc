package org.minsheng.analysis.parse;

import java.time.Clock;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.model.DeadLetter;
import org.minsheng.analysis.source.RawLine;
import org.minsheng.post.InvalidPostException;
import org.minsheng.post.Post;
import org.minsheng.post.PostCodec;
import org.minsheng.post.PostValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parse + validate stage: one NDJSON line in, an {@link AnalyzedPost} out, or a {@link DeadLetter} (stage
 * {@value #STAGE}) on {@link #DEAD_LETTERS} with the codec's exact reason, the line as received and its origin (for
 * Kafka the record's topic, partition and offset). A leading
 * byte-order mark is ignored. Dead letters are counted in the metric
 * {@value #DEAD_LETTERS_METRIC}, valid posts in {@value #POSTS_METRIC}. The {@link PostCodec} is made per operator
 * instance in {@link #open(OpenContext)}.
 */
public class ParsePostFunction extends ProcessFunction<RawLine, AnalyzedPost> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ParsePostFunction.class);

  public static final String STAGE = "parse";
  public static final String DEAD_LETTERS_METRIC = "deadLetters";
  public static final String POSTS_METRIC = "posts";
  /** Side output of lines that are not valid posts. */
  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {
    private static final long serialVersionUID = 1L;
  };

  private final Clock clock;
  private transient PostCodec codec;
  private transient Counter deadLetters;
  private transient Counter posts;

  /** @param clock clock for the dead letters' {@code occurredAt} and for the validator's "not in the future" rule */
  public ParsePostFunction(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ParsePostFunction() {
    this(Clock.systemUTC());
  }

  @Override
  public void open(OpenContext openContext) {
    codec = new PostCodec(new PostValidator(clock));
    deadLetters = getRuntimeContext().getMetricGroup().counter(DEAD_LETTERS_METRIC);
    posts = getRuntimeContext().getMetricGroup().counter(POSTS_METRIC);
  }

  @Override
  public void processElement(RawLine raw, Context ctx, Collector<AnalyzedPost> out) {
    String line = raw.line();
    Post post;
    try {
      post = codec.decode(withoutByteOrderMark(line));
    } catch (InvalidPostException e) {
      deadLetters.inc();
      LOG.debug("dead letter from {}: {}", raw.origin(), e.getMessage());
      ctx.output(DEAD_LETTERS, new DeadLetter(STAGE, e.getMessage(), line, raw.origin(), clock.instant()));
      return;
    }
    posts.inc();
    out.collect(new AnalyzedPost(post));
  }

  /** The first line of a file saved by some editors starts with U+FEFF; it is not part of the JSON. */
  static String withoutByteOrderMark(String line) {
    return line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  /** Dead letters emitted by this instance (for tests and diagnostics). */
  long deadLetterCount() {
    return deadLetters.getCount();
  }

  long postCount() {
    return posts.getCount();
  }
}
