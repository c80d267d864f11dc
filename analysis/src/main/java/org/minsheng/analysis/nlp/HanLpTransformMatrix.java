package org.minsheng.analysis.nlp;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionaryTransformMatrixDictionary;
import com.hankcs.hanlp.dictionary.TransformMatrix;
import java.util.Arrays;

/**
 * Works around a HanLP 1.8.6 fault that cost a quarter of segmentation's CPU and most of the job's garbage.
 *
 * <p>{@code Viterbi.compute} (part-of-speech tagging) extends the core transition matrix whenever
 * {@code Nature.values().length != matrix.states.length}. The portable data declares 148 natures but the matrix file
 * has 107 states, and {@code TransformMatrix.extend} never updates {@code states}: so every tagged sentence
 * reallocates and copies the whole 148 × 148 matrix (≈ 260 KB), on HanLP's static matrix, from every segmenting thread
 * at once. {@link #completeExtension()} extends it once and sets {@code states} to the new length; the values HanLP
 * computes with are exactly those it produced on every call before (the extension only appends zero rows and
 * columns), which {@code HanLpTransformMatrixTest} checks on tagged output.
 *
 * <p>This is the one place Minsheng writes to HanLP's static state (docs/JOB.md, "HanLP without static mutable
 * state"): an idempotent completion of HanLP's own per-call mutation, done once per new nature under a lock, not a
 * configuration that differs between operators.
 */
final class HanLpTransformMatrix {
  private HanLpTransformMatrix() {}

  /** Extends the core matrix to every nature known now, once; returns true when it had to. */
  static boolean completeExtension() {
    TransformMatrix matrix = CoreDictionaryTransformMatrixDictionary.transformMatrixDictionary;
    synchronized (matrix) {
      int natures = Nature.values().length;
      if (matrix.states.length == natures) {
        return false;
      }
      matrix.extend(natures);
      int[] states = Arrays.copyOf(matrix.states, natures);
      for (int i = matrix.states.length; i < natures; i++) {
        states[i] = i; // the ordinals the extension added (only the array's length is read, by that check)
      }
      matrix.states = states;
      return true;
    }
  }
}
