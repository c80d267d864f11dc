package org.minsheng.analysis.textfeatures;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic-regression model over hashed features, with its featuriser settings, lexicon and softmax
 * temperature (calibration). Weights are laid out feature-major ({@code weights[bucket * K + k]}) so that one
 * feature's K weights share a cache line.
 *
 * <p>File format (gzip): magic {@code MSLC}, version, kind, class names, hash bits, temperature, lexicon tables
 * (version 2: with the prefix table, see {@link PolarityLexicon}), then
 * the weights quantised to 16 bits with one scale. Immutable after loading; {@link #probabilities} is safe to call
 * from any thread, but the usual pattern is one instance per operator.
 */
public final class LinearClassifier {
  private static final int MAGIC = 0x4d534c43; // "MSLC"
  /** 2 adds the lexicon's prefix table; 1 is still read. */
  private static final int VERSION = 2;

  private final String kind;
  private final List<String> classes;
  private final int bits;
  private final float[] weights;
  private final float temperature;
  private final PolarityLexicon lexicon;

  public LinearClassifier(String kind, List<String> classes, int bits, float[] weights, float temperature,
      PolarityLexicon lexicon) {
    if (weights.length != classes.size() << bits) {
      throw new IllegalArgumentException("weights length " + weights.length + " != classes x 2^bits");
    }
    this.kind = kind;
    this.classes = List.copyOf(classes);
    this.bits = bits;
    this.weights = weights;
    this.temperature = temperature;
    this.lexicon = lexicon;
  }

  public String kind() {
    return kind;
  }

  public List<String> classes() {
    return classes;
  }

  public int bits() {
    return bits;
  }

  public float temperature() {
    return temperature;
  }

  public PolarityLexicon lexicon() {
    return lexicon;
  }

  float[] weights() {
    return weights;
  }

  /** A featuriser matching this model (one per thread). */
  public TextFeaturizer newFeaturizer() {
    return new TextFeaturizer(bits, lexicon);
  }

  /** A copy with another temperature. */
  public LinearClassifier withTemperature(float t) {
    return new LinearClassifier(kind, classes, bits, weights, t, lexicon);
  }

  /** Raw scores (logits before temperature) into {@code out}. */
  public void logits(FeatureBuffer features, double[] out) {
    int k = classes.size();
    Arrays.fill(out, 0, k, 0.0);
    for (int i = 0; i < features.size(); i++) {
      int base = features.index(i) * k;
      float v = features.value(i);
      for (int c = 0; c < k; c++) {
        out[c] += weights[base + c] * v;
      }
    }
  }

  /** Calibrated class probabilities into {@code out} (length ≥ number of classes). */
  public void probabilities(FeatureBuffer features, double[] out) {
    logits(features, out);
    softmax(out, classes.size(), temperature);
  }

  public static void softmax(double[] scores, int k, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      scores[c] /= temperature;
      max = Math.max(max, scores[c]);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      scores[c] = Math.exp(scores[c] - max);
      sum += scores[c];
    }
    for (int c = 0; c < k; c++) {
      scores[c] /= sum;
    }
  }

  public void write(OutputStream target) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(target, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeUTF(kind);
    out.writeInt(classes.size());
    for (String c : classes) {
      out.writeUTF(c);
    }
    out.writeInt(bits);
    out.writeFloat(temperature);
    lexicon.write(out);
    float max = 0;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max == 0 ? 1f : max / Short.MAX_VALUE;
    out.writeFloat(scale);
    for (float w : weights) {
      out.writeShort(Math.round(w / scale));
    }
    out.flush();
    gz.finish();
  }

  /** Reads a model written by {@link #write}; {@code expectedKind} guards against loading the wrong file. */
  public static LinearClassifier read(InputStream source, String expectedKind) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a Minsheng linear model file");
    }
    int version = in.readInt();
    if (version != 1 && version != VERSION) {
      throw new IOException("unsupported model version " + version);
    }
    String kind = in.readUTF();
    if (!kind.equals(expectedKind)) {
      throw new IOException("model kind is '" + kind + "', expected '" + expectedKind + "'");
    }
    int k = in.readInt();
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      classes.add(in.readUTF());
    }
    int bits = in.readInt();
    if (bits < 10 || bits > 26) {
      throw new IOException("corrupt model: hash bits " + bits);
    }
    float temperature = in.readFloat();
    PolarityLexicon lexicon = PolarityLexicon.read(in, version >= 2);
    float scale = in.readFloat();
    float[] weights = new float[k << bits];
    byte[] raw = new byte[weights.length * 2];
    in.readFully(raw);
    short[] quantised = new short[weights.length];
    ByteBuffer.wrap(raw).asShortBuffer().get(quantised); // big-endian, as DataOutputStream wrote them
    for (int i = 0; i < weights.length; i++) {
      weights[i] = quantised[i] * scale;
    }
    return new LinearClassifier(kind, classes, bits, weights, temperature, lexicon);
  }
}
