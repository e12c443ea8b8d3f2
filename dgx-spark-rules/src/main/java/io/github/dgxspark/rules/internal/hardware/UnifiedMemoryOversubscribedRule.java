package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports, on a unified-memory node (GB10), a GPU pool plus JVM footprints larger than the one
 * memory they share: the GPU pool takes its fraction of "free GPU memory", which is system memory.
 */
final class UnifiedMemoryOversubscribedRule implements Rule {
  @Override
  public String name() {
    return "UnifiedMemoryOversubscribed";
  }

  @Override
  public void check(RuleContext c) {
    if (c.hardware().isEmpty() || !c.hardware().get().node().unifiedMemory()) {
      return;
    }
    ClusterSpec h = c.hardware().get();
    long memory = h.node().memoryBytes();
    double fraction =
        Math.max(0, Math.min(1, c.number("spark.rapids.memory.gpu.allocFraction").orElse(1.0)));
    long pool = (long) (fraction * memory);
    long executors = ExecutorLayout.fixedInstances(c).orElse(c.localMode() ? 0 : 1);
    long perNode = (executors + h.nodeCount() - 1) / h.nodeCount();
    long jvm =
        RuleContext.saturatedSum(
            RuleContext.saturatedProduct(perNode, c.executorFootprintBytes()),
            c.driverFootprintBytes());
    long total = RuleContext.saturatedSum(pool, jvm);
    if (total > memory) {
      c.report(
          List.of("spark.rapids.memory.gpu.allocFraction", "spark.executor.memory"),
          Map.of(
              "pool", ByteSizes.human(pool),
              "jvm", ByteSizes.human(jvm),
              "memory", ByteSizes.human(memory)),
          RuleContext.formatNumber(Math.max(0.1, Math.floor((memory - jvm) * 10.0 / memory) / 10)));
    }
  }
}
