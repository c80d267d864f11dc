package org.minsheng.analysis.heat;

import java.io.Serializable;

/**
 * Heat index settings ({@code topics.heat} in {@code minsheng-analysis.yaml}; the reasons for each weight are in
 * docs/TOPICS.md).
 *
 * @param windowMinutes length of the event-time tumbling windows
 * @param idleWindows empty windows reported after a key's last post (heat falling to zero) before its state is dropped
 * @param volumeWeight weight of log-scaled original-post volume
 * @param growthWeight weight of growth against the previous window
 * @param interactionWeight weight of log-scaled reposts + comments + likes
 * @param reachWeight weight of log-scaled author followers
 * @param spreadWeight weight of log-scaled number of distinct sites
 * @param negativeWeight weight of the negative share
 * @param volumeRef volume per window that scores 1
 * @param growthRef relative growth that scores 1 (2 = tripling)
 * @param interactionRef interactions per window that score 1
 * @param reachRef followers reached per window that score 1
 * @param sitesRef distinct sites per window that score 1
 * @param negativeMinVolume volume from which the negative share counts fully (fewer posts count proportionally)
 * @param risingGrowth growth from which a topic is {@code rising}
 * @param peakRatio share of its peak volume from which a topic is at {@code peak}
 * @param trendKeywordsPerPost a post's keywords that get keyword trend roll-ups
 */
public record HeatSettings(
    double windowMinutes,
    int idleWindows,
    double volumeWeight,
    double growthWeight,
    double interactionWeight,
    double reachWeight,
    double spreadWeight,
    double negativeWeight,
    double volumeRef,
    double growthRef,
    double interactionRef,
    double reachRef,
    double sitesRef,
    double negativeMinVolume,
    double risingGrowth,
    double peakRatio,
    int trendKeywordsPerPost) implements Serializable {

  public static HeatSettings defaults() {
    return new HeatSettings(10, 6, 0.30, 0.15, 0.20, 0.10, 0.15, 0.10, 1000, 2.0, 100_000, 10_000_000, 20, 5, 0.5,
        0.8, 3);
  }

  public long windowMs() {
    return (long) (windowMinutes * 60_000);
  }

  /**
   * How long after a window's end (in event time, behind the watermark) late posts still update its roll-up: as long
   * as a quiet key's heat history is kept ({@code idleWindows} windows). Posts later than that are counted by the
   * window operator's {@code numLateRecordsDropped} metric.
   */
  public long allowedLatenessMs() {
    return idleWindows * windowMs();
  }
}
