package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports a GPU pool fraction above the limit on a unified-memory node (GB10), where the GPU's free
 * memory is the system's memory.
 */
final class AllocFractionHighOnUnifiedMemoryRule implements Rule {
  private static final String KEY = "spark.rapids.memory.gpu.allocFraction";

  @Override
  public String name() {
    return "AllocFractionHighOnUnifiedMemory";
  }

  @Override
  public void check(RuleContext c) {
    if (c.hardware().isEmpty() || !c.hardware().get().node().unifiedMemory()) {
      return;
    }
    double fraction = c.number(KEY).orElse(1.0);
    double max = c.parameter("maxAllocFraction");
    if (fraction > max) {
      c.report(
          List.of(KEY),
          Map.of("value", RuleContext.formatNumber(fraction)),
          RuleContext.formatNumber(c.parameter("suggestedAllocFraction")));
    }
  }
}
