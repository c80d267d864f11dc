package org.minsheng.analysis.topic.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.minsheng.analysis.keywords.Stopwords;
import org.minsheng.analysis.topic.ClusterSettings;
import org.minsheng.analysis.topic.ClusteringScores;
import org.minsheng.analysis.topic.TopicSettings;
import org.minsheng.cli.CliCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code minsheng eval cluster --input FILE.jsonl}: B-cubed and NMI of the streaming topic clusterer against labelled
 * events. Prints one JSON object.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "Score streaming topic clustering against event labels (B-cubed, NMI).")
public final class EvalClusterCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(EvalClusterCommand.class);

  @Option(names = "--input", required = true, description = "JSONL with event_id, text, time")
  Path input;

  @Option(names = "--split", defaultValue = "all",
      description = "all | tune | holdout (held out: sha1(\"minsheng-topics:\"+event_id)[0] % 5 == 0)")
  String split;

  @Option(names = "--join", split = ",", description = "topics.cluster.joinThreshold (a list with --sweep)")
  List<Double> join;

  @Option(names = "--time-weight", split = ",", description = "topics.cluster.timeWeight")
  List<Double> timeWeight;

  @Option(names = "--activity-tau", split = ",", description = "topics.cluster.activityTauMinutes")
  List<Double> activityTau;

  @Option(names = "--new-intensity", split = ",", description = "topics.cluster.newTopicIntensity")
  List<Double> newIntensity;

  @Option(names = "--evidence", split = ",", description = "topics.cluster.evidenceMass")
  List<Double> evidence;

  @Option(names = "--veto", split = ",", description = "topics.cluster.textVeto")
  List<Double> veto;

  @Option(names = "--quiet-tau", split = ",", description = "topics.cluster.quietTauMinutes")
  List<Double> quietTau;

  @Option(names = "--similarity-tau", split = ",", description = "topics.cluster.similarityTauMinutes")
  List<Double> similarityTau;

  @Option(names = "--busy-rate", split = ",", description = "topics.cluster.busyRate")
  List<Double> busyRate;

  @Option(names = "--merge", split = ",", description = "topics.cluster.mergeThreshold")
  List<Double> merge;

  @Option(names = "--baseline-gap-minutes",
      description = "score the time-only baseline instead (new cluster after this many quiet minutes)")
  Double baselineGap;

  @Option(names = "--sweep", description = "score every combination of the listed values; prints the best and all")
  boolean sweep;

  @Override
  public List<String> path() {
    return List.of("eval", "cluster");
  }

  @Override
  public Integer call() throws Exception {
    EventSplit which = EventSplit.valueOf(split.toUpperCase(Locale.ROOT));
    EventFileReader reader = new EventFileReader(new HanLpEvalSegmenter());
    long t0 = System.nanoTime();
    List<EventPost> posts = reader.read(input, which);
    LOG.info("read {} posts ({} lines rejected) from {} split {} in {} ms", posts.size(), reader.rejected(), input,
        which, (System.nanoTime() - t0) / 1_000_000);
    if (baselineGap != null) {
      System.out.println(ClusterEvaluation.timeGapBaseline(posts, baselineGap).toJson());
      return 0;
    }
    ClusterEvaluation eval = new ClusterEvaluation(Stopwords.bundled());
    ClusterSettings base = TopicSettings.fromDefaultsFile().cluster();
    List<ClusterSettings> grid = new ArrayList<>(List.of(base));
    grid = expand(grid, join, (c, v) -> c.withJoin(v, c.textWeight(), c.timeWeight(), c.activityTauMinutes(),
        c.newTopicIntensity()));
    grid = expand(grid, timeWeight, (c, v) -> c.withJoin(c.joinThreshold(), c.textWeight(), v,
        c.activityTauMinutes(), c.newTopicIntensity()));
    grid = expand(grid, activityTau, (c, v) -> c.withJoin(c.joinThreshold(), c.textWeight(), c.timeWeight(), v,
        c.newTopicIntensity()));
    grid = expand(grid, newIntensity, (c, v) -> c.withJoin(c.joinThreshold(), c.textWeight(), c.timeWeight(),
        c.activityTauMinutes(), v));
    grid = expand(grid, evidence, ClusterSettings::withEvidence);
    grid = expand(grid, veto, ClusterSettings::withVeto);
    grid = expand(grid, merge, ClusterSettings::withMerge);
    grid = expand(grid, quietTau, ClusterSettings::withQuietTau);
    grid = expand(grid, similarityTau, ClusterSettings::withSimilarityTau);
    grid = expand(grid, busyRate, ClusterSettings::withBusyRate);
    if (!sweep) {
      if (grid.size() != 1) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
            "several values given for a setting: add --sweep to score each combination");
      }
      long t1 = System.nanoTime();
      ClusteringScores scores = eval.run(posts, grid.get(0));
      LOG.info("clustered {} posts in {} ms", posts.size(), (System.nanoTime() - t1) / 1_000_000);
      System.out.println(scores.toJson());
      return 0;
    }
    StringBuilder all = new StringBuilder();
    String best = null;
    double bestF = -1;
    for (ClusterSettings s : grid) {
      ClusteringScores r = eval.run(posts, s);
      String one = String.format(Locale.ROOT, "{\"join\":%.2f,\"time_weight\":%.2f,\"activity_tau\":%.1f,"
          + "\"new_intensity\":%.2f,\"evidence\":%.1f,\"veto\":%.2f,\"merge\":%.2f,\"quiet_tau\":%.1f,"
          + "\"similarity_tau\":%.0f,\"busy_rate\":%.0f,\"scores\":%s}",
          s.joinThreshold(), s.timeWeight(), s.activityTauMinutes(), s.newTopicIntensity(), s.evidenceMass(),
          s.textVeto(), s.mergeThreshold(), s.quietTauMinutes(), s.similarityTauMinutes(), s.busyRate(), r.toJson());
      LOG.info(one);
      all.append(all.length() == 0 ? "" : ",").append(one);
      if (r.bcubedF1() > bestF) {
        bestF = r.bcubedF1();
        best = one;
      }
    }
    System.out.println("{\"best\":" + best + ",\"all\":[" + all + "]}");
    return 0;
  }

  private static List<ClusterSettings> expand(List<ClusterSettings> grid, List<Double> values,
      java.util.function.BiFunction<ClusterSettings, Double, ClusterSettings> with) {
    if (values == null || values.isEmpty()) {
      return grid;
    }
    List<ClusterSettings> out = new ArrayList<>();
    for (ClusterSettings c : grid) {
      for (double v : values) {
        out.add(with.apply(c, v));
      }
    }
    return out;
  }
}
