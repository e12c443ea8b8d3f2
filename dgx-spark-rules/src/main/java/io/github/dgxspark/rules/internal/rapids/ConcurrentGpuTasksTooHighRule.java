package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reports more concurrent GPU tasks than the GPU's memory supports: above the per-task memory floor
 * (and an absolute ceiling) when the GPU is known, else above the tuning guide's 2-4.
 */
final class ConcurrentGpuTasksTooHighRule implements Rule {
  private static final String KEY = "spark.rapids.sql.concurrentGpuTasks";

  @Override
  public String name() {
    return "ConcurrentGpuTasksTooHigh";
  }

  @Override
  public void check(RuleContext c) {
    OptionalLong n = c.integer(KEY);
    if (!c.isSet(KEY) || n.isEmpty()) {
      return;
    }
    long ceiling = (long) c.parameter("maxTasksWithoutGpu");
    String basis = "without a known GPU (the tuning guide finds 2-4 best)";
    if (c.hardware().isPresent() && c.hardware().get().node().gpuCount() > 0) {
      NodeSpec node = c.hardware().get().node();
      long memory =
          node.unifiedMemory()
              ? (long)
                  (c.number("spark.rapids.memory.gpu.allocFraction").orElse(1.0)
                      * node.memoryBytes())
              : node.minGpuMemoryBytes();
      long perTask = (long) (c.parameter("minGpuMemoryPerTaskMib") * ByteSizes.MIB);
      ceiling = Math.max(1, Math.min((long) c.parameter("maxTasks"), memory / perTask));
      basis = "for " + ByteSizes.human(memory) + " of GPU memory";
    }
    if (n.getAsLong() > ceiling) {
      c.report(
          List.of(KEY),
          Map.of("value", n.getAsLong(), "ceiling", ceiling, "basis", basis),
          Long.toString(ceiling));
    }
  }
}
