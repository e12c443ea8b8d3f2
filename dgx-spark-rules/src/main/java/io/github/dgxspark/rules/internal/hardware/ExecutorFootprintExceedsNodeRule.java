package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports an executor whose heap, overhead, off-heap and PySpark memory together exceed a node's
 * memory: no node can ever host one.
 */
final class ExecutorFootprintExceedsNodeRule implements Rule {
  @Override
  public String name() {
    return "ExecutorFootprintExceedsNode";
  }

  @Override
  public void check(RuleContext c) {
    if (c.hardware().isEmpty() || c.localMode()) {
      return;
    }
    long node = c.hardware().get().node().memoryBytes();
    long footprint = c.executorFootprintBytes();
    if (footprint > node) {
      c.report(
          List.of("spark.executor.memory", "spark.executor.memoryOverhead"),
          Map.of("footprint", ByteSizes.human(footprint), "nodeMemory", ByteSizes.human(node)));
    }
  }
}
