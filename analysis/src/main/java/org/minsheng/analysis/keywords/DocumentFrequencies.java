package org.minsheng.analysis.keywords;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Streaming document frequencies in bounded memory: counts decay by half every {@code halfLifeDocs} documents (so the
 * vocabulary follows the news of the day), and when more than {@code maxTerms} terms are held the rarest are dropped.
 * Smoothed IDF: {@code ln((N + 1) / (df + 0.5))}.
 *
 * <p>The table is a pure function of the sequence of documents added (the iteration order of the map never matters:
 * pruning cuts by value), so two instances fed the same documents in the same order give bit-identical frequencies,
 * and {@link #toBytes()} / {@link #fromBytes} carry it through a checkpoint exactly (raw stored counts and the lazy
 * scale, not rescaled values).
 */
public final class DocumentFrequencies implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 1;

  private final int maxTerms;
  private final double decayPerDoc;
  /** Term → its count in a one-element array, updated in place (no boxed Double per term and document). */
  private final HashMap<String, double[]> df = new HashMap<>();
  private double docs;
  /** Multiplier applied lazily: stored counts are in units of 1/scale. */
  private double scale = 1.0;

  public DocumentFrequencies(int maxTerms, double halfLifeDocs) {
    if (maxTerms < 16) {
      throw new IllegalArgumentException("maxTerms must be >= 16, was " + maxTerms);
    }
    if (halfLifeDocs <= 0) {
      throw new IllegalArgumentException("halfLifeDocs must be > 0, was " + halfLifeDocs);
    }
    this.maxTerms = maxTerms;
    this.decayPerDoc = Math.pow(0.5, 1.0 / halfLifeDocs);
  }

  /** Counts one document containing {@code distinctTerms}. */
  public void add(Iterable<String> distinctTerms) {
    scale /= decayPerDoc; // every older count is worth decayPerDoc less relative to the new one
    docs = docs * decayPerDoc + 1;
    for (String t : distinctTerms) {
      double[] count = df.get(t);
      if (count == null) {
        df.put(t, new double[] {scale});
      } else {
        count[0] += scale;
      }
    }
    if (scale > 1e12) {
      rescale();
    }
    if (df.size() > maxTerms) {
      prune();
    }
  }

  /** Current (decayed) document frequency of {@code term}. */
  public double df(String term) {
    double[] v = df.get(term);
    return v == null ? 0 : v[0] / scale;
  }

  public double docs() {
    return docs;
  }

  public double idf(String term) {
    return Math.log((docs + 1) / (df(term) + 0.5));
  }

  public int size() {
    return df.size();
  }

  /**
   * The table in a compact binary form (format 1: a header of docs, scale and size, then per term its modified-UTF-8
   * bytes and its raw count), for operator state. About 8 + 3 × characters bytes per term (16 bytes for a two-character
   * Chinese word): 3.2 MB for the default 200,000 terms.
   */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + df.size() * 16);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeDouble(docs);
      out.writeDouble(scale);
      out.writeInt(df.size());
      for (Map.Entry<String, double[]> e : df.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeDouble(e.getValue()[0]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise document frequencies", e);
    }
    return bytes.toByteArray();
  }

  /**
   * A table written by {@link #toBytes()}, with these settings (they may differ from the writer's: a smaller
   * {@code maxTerms} prunes on the next document, another half-life applies from now on).
   *
   * @throws IllegalArgumentException when the bytes are not such a table
   */
  public static DocumentFrequencies fromBytes(byte[] bytes, int maxTerms, double halfLifeDocs) {
    DocumentFrequencies d = new DocumentFrequencies(maxTerms, halfLifeDocs);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown document-frequency table format " + format + " (expected "
            + FORMAT + ")");
      }
      d.docs = in.readDouble();
      d.scale = in.readDouble();
      int n = in.readInt();
      if (n < 0 || !(d.scale > 0) || !(d.docs >= 0)) {
        throw new IllegalArgumentException("corrupt document-frequency table: " + n + " terms, scale " + d.scale
            + ", docs " + d.docs);
      }
      for (int i = 0; i < n; i++) {
        d.df.put(in.readUTF(), new double[] {in.readDouble()});
      }
      if (in.read() >= 0) {
        throw new IllegalArgumentException("corrupt document-frequency table: bytes after " + n + " terms");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt document-frequency table: " + e.getMessage(), e);
    }
    return d;
  }

  /** True when both hold the same documents count, scale and raw counts (bit for bit). */
  public boolean sameTableAs(DocumentFrequencies o) {
    if (Double.compare(docs, o.docs) != 0 || Double.compare(scale, o.scale) != 0 || df.size() != o.df.size()) {
      return false;
    }
    for (Map.Entry<String, double[]> e : df.entrySet()) {
      double[] v = o.df.get(e.getKey());
      if (v == null || Double.compare(v[0], e.getValue()[0]) != 0) {
        return false;
      }
    }
    return true;
  }

  private void rescale() {
    for (double[] v : df.values()) {
      v[0] /= scale;
    }
    scale = 1.0;
  }

  /** Drops the rarer ~quarter of the vocabulary. */
  private void prune() {
    rescale();
    double[] values = df.values().stream().mapToDouble(v -> v[0]).sorted().toArray();
    double cut = values[values.length / 4];
    Iterator<Map.Entry<String, double[]>> it = df.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue()[0] <= cut) {
        it.remove();
      }
    }
  }
}
