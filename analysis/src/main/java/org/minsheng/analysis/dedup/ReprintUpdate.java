package org.minsheng.analysis.dedup;

import java.util.ArrayList;

/**
 * Partial update of an original post's document: how often it was reprinted so far and on which sites (spread).
 * Cumulative, so applying an older or repeated update is harmless. A Flink POJO.
 */
public class ReprintUpdate {
  public String originalId;
  public long originalTime;
  public long reprintCount;
  public ArrayList<String> reprintSites = new ArrayList<>();

  public ReprintUpdate() {}
}
