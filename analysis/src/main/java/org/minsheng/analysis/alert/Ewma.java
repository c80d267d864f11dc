package org.minsheng.analysis.alert;

import java.io.Serializable;

/**
 * Exponentially weighted mean and variance (West's incremental form), the baseline every rule compares against.
 * Mutable POJO kept in Flink keyed state.
 */
public class Ewma implements Serializable {
  private static final long serialVersionUID = 1L;

  public double mean;
  public double variance;
  public long samples;

  public Ewma() {}

  /** The smoothing factor whose weight halves after {@code halfLife} samples. */
  public static double alpha(int halfLife) {
    return 1.0 - Math.pow(0.5, 1.0 / Math.max(1, halfLife));
  }

  /** Starts a scope that has no history from a zero baseline (instead of taking its first sample as the mean). */
  public void startAtZeroIfEmpty() {
    if (samples == 0) {
      samples = 1;
      mean = 0;
      variance = 0;
    }
  }

  public void update(double x, double alpha) {
    if (samples == 0) {
      mean = x;
      variance = 0;
    } else {
      double diff = x - mean;
      double increment = alpha * diff;
      mean += increment;
      variance = (1 - alpha) * (variance + diff * increment);
    }
    samples++;
  }

  /** {@code n} samples of zero (windows in which the scope had no post), applied in closed form for the mean. */
  public void updateZeros(long n, double alpha) {
    if (n <= 0 || samples == 0) {
      return;
    }
    // Exact for up to 64 steps, then the mean and variance are negligible against any threshold anyway.
    long steps = Math.min(n, 64);
    for (long i = 0; i < steps; i++) {
      update(0, alpha);
    }
    if (n > steps) {
      double decay = Math.pow(1 - alpha, n - steps);
      mean *= decay;
      variance *= decay;
      samples += n - steps;
    }
  }

  public Ewma copy() {
    Ewma c = new Ewma();
    c.mean = mean;
    c.variance = variance;
    c.samples = samples;
    return c;
  }

  public double deviation() {
    return Math.sqrt(Math.max(0, variance));
  }
}
