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
      description = "all | tune | holdout (held out: sha1(\"minsheng-topics:\"+event_id)[0] %% 5 == 0)")
  String split;

  @Option(names = "--set", paramLabel = "NAME=V[,V...]",
      description = "override a topics.cluster setting by name, e.g. --set joinThreshold=0.2 (a list of values with "
          + "--sweep); repeatable")
  java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();

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
    List<String> labels = new ArrayList<>(List.of(""));
    for (java.util.Map.Entry<String, String> o : overrides.entrySet()) {
      List<ClusterSettings> nextGrid = new ArrayList<>();
      List<String> nextLabels = new ArrayList<>();
      for (int i = 0; i < grid.size(); i++) {
        for (String v : o.getValue().split(",")) {
          nextGrid.add(grid.get(i).with(o.getKey(), Double.parseDouble(v.strip())));
          nextLabels.add(labels.get(i) + (labels.get(i).isEmpty() ? "" : ",") + "\"" + o.getKey() + "\":" + v.strip());
        }
      }
      grid = nextGrid;
      labels = nextLabels;
    }
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
    for (int i = 0; i < grid.size(); i++) {
      ClusteringScores r = eval.run(posts, grid.get(i));
      String one = "{" + labels.get(i) + (labels.get(i).isEmpty() ? "" : ",") + "\"scores\":" + r.toJson() + "}";
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
}
