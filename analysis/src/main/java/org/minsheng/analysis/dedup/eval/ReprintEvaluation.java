package org.minsheng.analysis.dedup.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.minsheng.analysis.dedup.ContentKey;
import org.minsheng.analysis.dedup.NearDuplicateIndex;
import org.minsheng.analysis.dedup.SentenceSketch;
import org.minsheng.analysis.dedup.SimHash;
import org.minsheng.analysis.nlp.Segmenter;
import org.minsheng.analysis.nlp.Token;

/**
 * Pair precision and recall of reprint detection: every base article is published first, then its reprints in random
 * order, all through {@link NearDuplicateIndex} (the job's rule: exact key, SimHash bands with distance ≤ max, sentence
 * sketches). A reprint
 * linked to its own article (or a sibling reprint) is a true positive; linked to another article a false positive;
 * unlinked a false negative. A base article linked to anything is a false positive too.
 */
public final class ReprintEvaluation {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReprintEvaluation.class);

  /** The figures. */
  public record Result(int articles, int reprints, int truePositives, int falsePositives, int falseNegatives,
      double precision, double recall, Map<String, int[]> byTransformation) {

    public String toJson() {
      StringBuilder per = new StringBuilder();
      for (Map.Entry<String, int[]> e : byTransformation.entrySet()) {
        per.append(per.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.4f", e.getKey(),
            (double) e.getValue()[0] / Math.max(1, e.getValue()[1])));
      }
      return String.format(Locale.ROOT, "{\"articles\":%d,\"reprints\":%d,\"true_positives\":%d,"
          + "\"false_positives\":%d,\"false_negatives\":%d,\"precision\":%.4f,\"recall\":%.4f,"
          + "\"recall_by_transformation\":{%s}}", articles, reprints, truePositives, falsePositives, falseNegatives,
          precision, recall, per);
    }
  }

  private final Segmenter segmenter;
  private final int maxDistance;

  private final boolean sketches;

  public ReprintEvaluation(Segmenter segmenter, int maxDistance, boolean sketches) {
    this.segmenter = segmenter;
    this.maxDistance = maxDistance;
    this.sketches = sketches;
  }

  public Result run(List<String> articles, int reprintsPerArticle, long seed) {
    ReprintGenerator gen = new ReprintGenerator(seed);
    record Doc(String id, int family, String text, List<String> ops) {}
    List<Doc> bases = new ArrayList<>();
    List<Doc> copies = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      bases.add(new Doc("a" + i, i, articles.get(i), List.of()));
      for (int k = 0; k < reprintsPerArticle; k++) {
        ReprintGenerator.Reprint r = gen.reprint(articles.get(i));
        copies.add(new Doc("a" + i + "r" + k, i, r.text(), r.transformations()));
      }
    }
    Collections.shuffle(copies, new Random(seed + 1));
    NearDuplicateIndex index = new NearDuplicateIndex(maxDistance);
    Map<String, Integer> family = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    Map<String, int[]> perOp = new java.util.TreeMap<>();
    long t = 0;
    List<Doc> all = new ArrayList<>(bases);
    all.addAll(copies);
    for (Doc d : all) {
      List<String> tokens = new ArrayList<>();
      StringBuilder simplified = new StringBuilder();
      for (Token tok : segmenter.segment(d.text())) {
        tokens.add(tok.word());
        simplified.append(tok.word());
      }
      NearDuplicateIndex.Match m = index.checkAndAdd(d.id(), ContentKey.of(simplified.toString()),
          SimHash.of(tokens), sketches ? SentenceSketch.of(d.text()) : new long[0], t++);
      family.put(d.id(), d.family());
      texts.put(d.id(), d.text());
      boolean isCopy = !d.ops().isEmpty();
      if (m == null) {
        if (isCopy) {
          fn++;
        }
      } else if (isCopy && family.get(m.originalId()) == d.family()) {
        tp++;
      } else {
        fp++;
        if (LOG.isDebugEnabled()) {
          LOG.debug("false positive {} -> {} ({}): {} || {}", d.id(), m.originalId(), m.kind(), d.text(),
              texts.get(m.originalId()));
        }
      }
      if (isCopy) {
        for (String op : d.ops()) {
          int[] c = perOp.computeIfAbsent(op, k -> new int[2]);
          c[1]++;
          if (m != null && family.get(m.originalId()) == d.family()) {
            c[0]++;
          }
        }
      }
    }
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = copies.isEmpty() ? 0 : (double) tp / copies.size();
    return new Result(bases.size(), copies.size(), tp, fp, fn, p, r, perOp);
  }
}
