package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.internal.Rule;
import java.util.List;

/** The explicit table of the limits rules (no reflection). */
public final class LimitsRules {
  private LimitsRules() {}

  /**
   * One instance of every limits rule class.
   *
   * @return the rules
   */
  public static List<Rule> all() {
    return List.of(
        new CoresMaxBelowExecutorCoresRule(),
        new DriverMemoryBelowMinimumRule(),
        new DynamicAllocationMinAboveMaxRule(),
        new ExecutorJavaOptionsRefusedRule(),
        new ExecutorMemoryBelowMinimumRule(),
        new HeartbeatNotBelowNetworkTimeoutRule(),
        new KryoBufferAboveMaxRule(),
        new NonPositiveCountRule(),
        new OffHeapEnabledWithoutSizeRule(),
        new OverheadBelowMinimumRule(),
        new TaskCpusExceedExecutorCoresRule(),
        new TaskGpuAboveExecutorGpuRule(),
        new TaskGpuAmountInvalidRule(),
        new TaskGpuWithoutExecutorGpuRule(),
        new ValueOutOfRangeRule());
  }
}
