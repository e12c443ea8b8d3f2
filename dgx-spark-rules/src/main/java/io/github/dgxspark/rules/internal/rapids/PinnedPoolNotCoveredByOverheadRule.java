package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports an executor overhead smaller than the RAPIDS pinned pool plus the host spill store it
 * must hold: the container is killed once they fill.
 */
final class PinnedPoolNotCoveredByOverheadRule implements Rule {
  private static final String PINNED = "spark.rapids.memory.pinnedPool.size";
  private static final String SPILL = "spark.rapids.memory.host.spillStorageSize";

  @Override
  public String name() {
    return "PinnedPoolNotCoveredByOverhead";
  }

  @Override
  public void check(RuleContext c) {
    if (c.localMode() || !c.isSet(PINNED)) {
      return;
    }
    long pinned = c.bytes(PINNED).orElse(0);
    long spill = c.isSet(SPILL) ? Math.max(0, c.bytes(SPILL).orElse(0)) : 0;
    long needed = RuleContext.saturatedSum(pinned, spill);
    long overhead = c.executorOverheadBytes();
    if (pinned > 0 && overhead < needed) {
      long suggested = RuleContext.saturatedSum(needed, (long) (0.1 * c.executorMemoryBytes()));
      c.report(
          List.of("spark.executor.memoryOverhead", PINNED),
          Map.of(
              "overhead", ByteSizes.human(overhead),
              "pinned", ByteSizes.human(pinned),
              "spill", ByteSizes.human(spill)),
          ByteSizes.format(wholeMibAbove(suggested)));
    }
  }

  /** Rounds up to whole MiB; a size within a MiB of {@code Long.MAX_VALUE} rounds down instead. */
  private static long wholeMibAbove(long bytes) {
    long mib = -Math.floorDiv(-bytes, ByteSizes.MIB);
    return mib > Long.MAX_VALUE / ByteSizes.MIB
        ? ByteSizes.floorTo(bytes, ByteSizes.MIB)
        : mib * ByteSizes.MIB;
  }
}
