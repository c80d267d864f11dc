package org.minsheng.analysis.textfeatures;

import java.util.Arrays;

/**
 * A reusable sparse feature vector: parallel arrays of hashed indices and values. Indices may repeat; a linear model
 * adds repeated entries, which is the same as summing them first. Not thread-safe: one per scoring thread.
 */
public final class FeatureBuffer {
  private int[] indices = new int[512];
  private float[] values = new float[512];
  private int size;

  public void clear() {
    size = 0;
  }

  public void add(int index, float value) {
    if (value == 0f) {
      return;
    }
    if (size == indices.length) {
      indices = Arrays.copyOf(indices, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    indices[size] = index;
    values[size] = value;
    size++;
  }

  public int size() {
    return size;
  }

  public int index(int i) {
    return indices[i];
  }

  public float value(int i) {
    return values[i];
  }

  /** Copies of the used parts, for caching a training example. */
  public int[] indicesCopy() {
    return Arrays.copyOf(indices, size);
  }

  public float[] valuesCopy() {
    return Arrays.copyOf(values, size);
  }
}
