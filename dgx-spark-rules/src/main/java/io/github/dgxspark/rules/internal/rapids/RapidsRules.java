package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.rules.internal.Rule;
import java.util.List;

/** The explicit table of the RAPIDS rules (no reflection). */
public final class RapidsRules {
  private RapidsRules() {}

  /**
   * One instance of every RAPIDS rule class.
   *
   * @return the rules
   */
  public static List<Rule> all() {
    return List.of(
        new AllocFractionHighOnUnifiedMemoryRule(),
        new ConcurrentGpuTasksAboveTaskSlotsRule(),
        new ConcurrentGpuTasksTooHighRule(),
        new GpuDiscoveryScriptMissingRule(),
        new KubernetesGpuVendorMissingRule(),
        new PinnedPoolNotCoveredByOverheadRule(),
        new PinnedPoolNotSetRule(),
        new RapidsKeysWithoutPluginRule(),
        new RapidsShuffleManagerWithoutPluginRule(),
        new RapidsSqlDisabledRule(),
        new StandaloneWorkerGpusMissingRule(),
        new UcxShuffleWithoutRdmaRule());
  }
}
