package org.minsheng.analysis.testing;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster the job ITCases share: one TaskManager with as many slots as the job's parallelism. */
public final class MiniClusters {
  private MiniClusters() {}

  /** A MiniCluster extension (register it as a static field) with one TaskManager of {@code slots} slots. */
  public static MiniClusterExtension oneTaskManager(int slots) {
    return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
        .setNumberTaskManagers(1)
        .setNumberSlotsPerTaskManager(slots)
        .build());
  }
}
