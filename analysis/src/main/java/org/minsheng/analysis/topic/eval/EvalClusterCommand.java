package org.minsheng.analysis.topic.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.minsheng.analysis.keywords.Stopwords;
import org.minsheng.analysis.topic.ClusterSettings;
import org.minsheng.analysis.topic.ClusteringScores;
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

  @Option(names = "--join", description = "override topics.cluster.joinThreshold")
  Double join;

  @Option(names = "--time-weight", description = "override topics.cluster.timeWeight")
  Double timeWeight;

  @Option(names = "--activity-tau", description = "override topics.cluster.activityTauMinutes")
  Double activityTau;

  @Option(names = "--new-intensity", description = "override topics.cluster.newTopicIntensity")
  Double newIntensity;

  @Option(names = "--merge", description = "override topics.cluster.mergeThreshold")
  Double merge;

  @Option(names = "--evidence", description = "override topics.cluster.evidenceMass")
  Double evidence;

  @Option(names = "--sweep", description = "tuning grid over join, time weight, activity tau, new-topic intensity; "
      + "prints the best setting and all results")
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
    ClusterEvaluation eval = new ClusterEvaluation(Stopwords.bundled());
    ClusterSettings base = ClusterSettings.defaults();
    base = base.withJoin(join != null ? join : base.joinThreshold(), base.textWeight(),
        timeWeight != null ? timeWeight : base.timeWeight(),
        activityTau != null ? activityTau : base.activityTauMinutes(),
        newIntensity != null ? newIntensity : base.newTopicIntensity());
    if (evidence != null) {
      base = base.withEvidence(evidence);
    }
    if (merge != null) {
      base = base.withMerge(merge);
    }
    if (!sweep) {
      long t1 = System.nanoTime();
      ClusteringScores scores = eval.run(posts, base);
      LOG.info("clustered {} posts in {} ms", posts.size(), (System.nanoTime() - t1) / 1_000_000);
      System.out.println(scores.toJson());
      return 0;
    }
    StringBuilder all = new StringBuilder();
    String best = null;
    double bestF = -1;
    for (double j : new double[] {0.2, 0.3, 0.4}) {
      for (double tw : new double[] {0.5, 1.0, 2.0}) {
        for (double tau : new double[] {10, 30, 90}) {
          for (double mu : new double[] {0.1, 0.3, 1.0}) {
            for (double ev : new double[] {2, 4, 8}) {
              ClusterSettings s = base.withJoin(j, base.textWeight(), tw, tau, mu).withEvidence(ev);
              ClusteringScores r = eval.run(posts, s);
              String one = String.format(Locale.ROOT, "{\"join\":%.2f,\"time_weight\":%.2f,\"activity_tau\":%.0f,"
                  + "\"new_intensity\":%.2f,\"evidence\":%.1f,\"scores\":%s}", j, tw, tau, mu, ev, r.toJson());
              LOG.info(one);
              all.append(all.length() == 0 ? "" : ",").append(one);
              if (r.bcubedF1() > bestF) {
                bestF = r.bcubedF1();
                best = one;
              }
            }
          }
        }
      }
    }
    System.out.println("{\"best\":" + best + ",\"all\":[" + all + "]}");
    return 0;
  }
}
