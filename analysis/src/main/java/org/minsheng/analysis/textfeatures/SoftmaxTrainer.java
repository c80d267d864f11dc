package org.minsheng.analysis.textfeatures;

import java.util.Locale;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link LinearClassifier} by stochastic gradient descent with AdaGrad step sizes and L2 regularisation,
 * over features computed once and cached. Deterministic: a fixed seed decides the example order, and the
 * computation is single-threaded.
 *
 * <p>Why not a library: liblinear or Smile would add a dependency for what is ~100 lines here, and the model must be
 * written in our own compact hashed format anyway. AdaGrad copes with the very different feature frequencies of
 * character n-grams versus the few dense lexicon features.
 */
public final class SoftmaxTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(SoftmaxTrainer.class);

  /**
   * @param epochs passes over the data
   * @param learningRate AdaGrad base step
   * @param l2 L2 penalty per update (applied to the touched weights)
   * @param seed shuffling and dropout seed
   * @param dropout probability of dropping each feature occurrence during training (dropout training of a linear
   *     model is an adaptive regulariser, Wager et al. 2013: it keeps the model from leaning on a few n-grams)
   */
  public record Settings(int epochs, double learningRate, double l2, long seed, double dropout, int bags,
      double nbScaling, double domainSpread) {
    public Settings {
      if (bags < 1) {
        throw new IllegalArgumentException("bags must be >= 1: " + bags);
      }
      if (nbScaling < 0 || nbScaling > 1) {
        throw new IllegalArgumentException("nbScaling must be in [0, 1]: " + nbScaling);
      }
      if (domainSpread < 0 || domainSpread > 1) {
        throw new IllegalArgumentException("domainSpread must be in [0, 1]: " + domainSpread);
      }
    }

    public Settings(int epochs, double learningRate, double l2, long seed, double dropout, int bags,
        double nbScaling) {
      this(epochs, learningRate, l2, seed, dropout, bags, nbScaling, 0.0);
    }

    public Settings(int epochs, double learningRate, double l2, long seed, double dropout) {
      this(epochs, learningRate, l2, seed, dropout, 1, 0.0, 0.0);
    }

    public Settings(int epochs, double learningRate, double l2, long seed) {
      this(epochs, learningRate, l2, seed, 0.0);
    }

    /** A copy with another number of averaged models and another NB scaling strength. */
    public Settings with(int newBags, double newNbScaling) {
      return new Settings(epochs, learningRate, l2, seed, dropout, newBags, newNbScaling, domainSpread);
    }

    /** A copy with another domain-spread scaling strength. */
    public Settings withDomainSpread(double newDomainSpread) {
      return new Settings(epochs, learningRate, l2, seed, dropout, bags, nbScaling, newDomainSpread);
    }
  }

  private final Settings settings;

  public SoftmaxTrainer(Settings settings) {
    this.settings = settings;
  }

  /** Cached features of a data set. */
  public static final class Featurized {
    final int[][] indices;
    final float[][] values;
    final int[] labels;
    final float[] weights;
    /** Domain of each example (the part of {@link LabeledText#domain()} before a '/'), as an index. */
    final int[] domains;
    final int domainCount;

    public Featurized(List<LabeledText> data, TextFeaturizer featurizer) {
      int n = data.size();
      indices = new int[n][];
      values = new float[n][];
      labels = new int[n];
      weights = new float[n];
      domains = new int[n];
      Map<String, Integer> domainIds = new HashMap<>();
      FeatureBuffer buffer = new FeatureBuffer();
      for (int i = 0; i < n; i++) {
        LabeledText t = data.get(i);
        String domain = t.domain() == null ? "" : t.domain().replaceAll("/.*", "");
        domains[i] = domainIds.computeIfAbsent(domain, d -> domainIds.size());
        featurizer.featurize(t.text(), buffer);
        indices[i] = buffer.indicesCopy();
        values[i] = buffer.valuesCopy();
        labels[i] = t.label();
        weights[i] = t.weight();
      }
      domainCount = domainIds.size();
    }

    public int size() {
      return labels.length;
    }
  }

  /**
   * Trains {@link Settings#bags()} models that differ only in their seed (example order, dropout masks) and averages
   * their weights. For a linear model that is exactly the average of the members' logits, so the ensemble scores as
   * fast as one model. With {@link Settings#nbScaling()} &gt; 0 every feature is scaled by its NB log-count ratio
   * ({@link #nbScales}) during training, and the scale is folded into the final weights; likewise with
   * {@link Settings#domainSpread()} &gt; 0 ({@link #domainSpreadScales}), the two scales multiplying.
   */
  public LinearClassifier train(String kind, List<String> classes, TextFeaturizer featurizer, Featurized data) {
    int k = classes.size();
    int bits = featurizer.bits();
    float[] scale = settings.nbScaling() > 0 ? nbScales(data, k, bits, settings.nbScaling()) : null;
    if (settings.domainSpread() > 0 && data.domainCount > 1) {
      float[] spread = domainSpreadScales(data, bits, settings.domainSpread());
      if (scale == null) {
        scale = spread;
      } else {
        for (int j = 0; j < scale.length; j++) {
          scale[j] *= spread[j];
        }
      }
    }
    float[] sum = new float[k << bits];
    for (int b = 0; b < settings.bags(); b++) {
      float[] w = trainOne(kind, k, bits, data, scale, settings.seed() + 7919L * b);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += w[i];
      }
    }
    for (int j = 0; j < (1 << bits); j++) {
      float f = (scale == null ? 1f : scale[j]) / settings.bags();
      for (int c = 0; c < k; c++) {
        sum[j * k + c] *= f;
      }
    }
    return new LinearClassifier(kind, classes, bits, sum, 1f, featurizer.lexicon());
  }

  /**
   * Per-bucket NB scale (Wang and Manning 2012, generalised to K classes one-vs-rest): with binarised, example-weighted
   * counts {@code n[c][j]} and add-one smoothing, {@code r = max_c |log(p_cj / p_not-c,j)|}; the scale is {@code
   * (1 - beta) + beta * r / mean(r)}, the mean taken over feature occurrences, clipped to [0.05, 5].
   */
  static float[] nbScales(Featurized data, int k, int bits, double beta) {
    int d = 1 << bits;
    double[] counts = new double[k * d];
    double[] classTotal = new double[k];
    for (int i = 0; i < data.size(); i++) {
      int y = data.labels[i];
      float sw = data.weights[i];
      for (int f : data.indices[i]) {
        counts[f * k + y] += sw;
        classTotal[y] += sw;
      }
    }
    double all = 0;
    for (double t : classTotal) {
      all += t;
    }
    double alpha = 1.0;
    double[] r = new double[d];
    double[] occurrences = new double[d];
    for (int j = 0; j < d; j++) {
      double total = 0;
      for (int c = 0; c < k; c++) {
        total += counts[j * k + c];
      }
      occurrences[j] = total;
      double best = 0;
      for (int c = 0; c < k; c++) {
        double in = (counts[j * k + c] + alpha) / (classTotal[c] + alpha * d);
        double out = (total - counts[j * k + c] + alpha) / (all - classTotal[c] + alpha * d);
        best = Math.max(best, Math.abs(Math.log(in / out)));
      }
      r[j] = best;
    }
    double weighted = 0;
    double mass = 0;
    for (int j = 0; j < d; j++) {
      weighted += r[j] * occurrences[j];
      mass += occurrences[j];
    }
    double mean = mass == 0 ? 1 : weighted / mass;
    float[] scale = new float[d];
    for (int j = 0; j < d; j++) {
      double s = (1 - beta) + beta * (mean == 0 ? 1 : r[j] / mean);
      scale[j] = (float) Math.max(0.05, Math.min(5.0, s));
    }
    return scale;
  }

  /**
   * Per-bucket scale favouring features that occur across the training domains: with {@code p_d} the feature's
   * occurrence rate in domain d (texts containing it / texts of d), normalised over domains, and {@code H} its
   * entropy divided by log(number of domains), the scale is {@code (1 - gamma) + gamma * H}. A feature seen in one
   * domain only (送餐 in food delivery) gets {@code 1 - gamma}, one spread evenly over all domains 1. The aim is the
   * pivot-feature idea of domain adaptation (Blitzer et al. 2006): a model leaning on evidence shared by the training
   * domains is more likely to find that evidence in an unseen one.
   */
  static float[] domainSpreadScales(Featurized data, int bits, double gamma) {
    int d = 1 << bits;
    int m = data.domainCount;
    float[] counts = new float[m * d];
    double[] texts = new double[m];
    for (int i = 0; i < data.size(); i++) {
      int dom = data.domains[i];
      texts[dom]++;
      int[] f = data.indices[i];
      for (int j = 0; j < f.length; j++) {
        counts[f[j] * m + dom] = counts[f[j] * m + dom] + 1; // counts repeats too; the rates are relative anyway
      }
    }
    float[] scale = new float[d];
    double logM = Math.log(m);
    double[] rate = new double[m];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int dom = 0; dom < m; dom++) {
        rate[dom] = texts[dom] == 0 ? 0 : counts[j * m + dom] / texts[dom];
        sum += rate[dom];
      }
      if (sum == 0) {
        scale[j] = 1f;
        continue;
      }
      double h = 0;
      for (int dom = 0; dom < m; dom++) {
        if (rate[dom] > 0) {
          double p = rate[dom] / sum;
          h -= p * Math.log(p);
        }
      }
      scale[j] = (float) ((1 - gamma) + gamma * h / logM);
    }
    return scale;
  }

  private float[] trainOne(String kind, int k, int bits, Featurized data, float[] scale, long seed) {
    float[] w = new float[k << bits];
    float[] g2 = new float[k << bits];
    int n = data.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    double[] p = new double[k];
    double lr = settings.learningRate();
    double l2 = settings.l2();
    double dropout = settings.dropout();
    float keepScale = (float) (1.0 / (1.0 - dropout));
    float[] kept = new float[64];
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      double loss = 0;
      double weightSum = 0;
      for (int idx : order) {
        int[] f = data.indices[idx];
        float[] v = data.values[idx];
        if (dropout > 0 || scale != null) {
          if (kept.length < v.length) {
            kept = new float[v.length * 2];
          }
          for (int j = 0; j < v.length; j++) {
            float x = scale == null ? v[j] : v[j] * scale[f[j]];
            kept[j] = dropout > 0 && random.nextDouble() < dropout ? 0f : x * keepScale;
          }
          v = kept;
        }
        Arrays.fill(p, 0);
        for (int j = 0; j < f.length; j++) {
          int base = f[j] * k;
          for (int c = 0; c < k; c++) {
            p[c] += w[base + c] * v[j];
          }
        }
        LinearClassifier.softmax(p, k, 1.0);
        int y = data.labels[idx];
        float sw = data.weights[idx];
        loss -= sw * Math.log(Math.max(p[y], 1e-12));
        weightSum += sw;
        for (int c = 0; c < k; c++) {
          p[c] = (p[c] - (c == y ? 1 : 0)) * sw;
        }
        for (int j = 0; j < f.length; j++) {
          if (v[j] == 0f) {
            continue;
          }
          int base = f[j] * k;
          for (int c = 0; c < k; c++) {
            int at = base + c;
            double grad = p[c] * v[j] + l2 * w[at];
            g2[at] += grad * grad;
            w[at] -= lr * grad / Math.sqrt(g2[at] + 1e-8);
          }
        }
      }
      LOG.info("{} epoch {}/{}: mean training loss {}", kind, epoch + 1, settings.epochs(),
          String.format(Locale.ROOT, "%.4f", loss / weightSum));
    }
    return w;
  }
}
