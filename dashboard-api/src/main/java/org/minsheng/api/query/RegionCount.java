package org.minsheng.api.query;

/** Posts of one region (province) with their sentiment mix. */
public record RegionCount(String region, long volume, long negative, long neutral, long positive) {
  public double negativeShare() {
    return volume == 0 ? 0 : (double) negative / volume;
  }
}
