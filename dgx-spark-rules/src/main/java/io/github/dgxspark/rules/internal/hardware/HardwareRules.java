package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.rules.internal.Rule;
import java.util.List;

/** The explicit table of the hardware rules (no reflection). */
public final class HardwareRules {
  private HardwareRules() {}

  /**
   * One instance of every hardware rule class.
   *
   * @return the rules
   */
  public static List<Rule> all() {
    return List.of(
        new ClusterCoresIdleRule(),
        new DriverExceedsNodeRule(),
        new ExecutorCoresExceedNodeRule(),
        new ExecutorFootprintExceedsNodeRule(),
        new ExecutorGpusExceedNodeRule(),
        new GpuSettingsWithoutGpusRule(),
        new GpusUnusedRule(),
        new LocalMasterCoresExceedNodeRule(),
        new LocalModeOnMultiGpuNodeRule(),
        new TaskGpuAmountLeavesCoresIdleRule(),
        new TooManyExecutorsForClusterRule(),
        new UnifiedMemoryOversubscribedRule());
  }
}
