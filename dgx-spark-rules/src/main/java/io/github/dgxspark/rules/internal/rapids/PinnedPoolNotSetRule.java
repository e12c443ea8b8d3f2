package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports the RAPIDS plugin without a pinned host pool: host↔GPU copies then use pageable memory.
 */
final class PinnedPoolNotSetRule implements Rule {
  @Override
  public String name() {
    return "PinnedPoolNotSet";
  }

  @Override
  public void check(RuleContext c) {
    if (c.rapidsPluginLoaded() && c.bytes("spark.rapids.memory.pinnedPool.size").orElse(0) == 0) {
      c.report(List.of("spark.rapids.memory.pinnedPool.size"), Map.of(), "2g");
    }
  }
}
