package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reports a fixed GPU executor layout that leaves some of the cluster's GPUs without an executor.
 */
final class GpusUnusedRule implements Rule {
  @Override
  public String name() {
    return "GpusUnused";
  }

  @Override
  public void check(RuleContext c) {
    OptionalLong n = ExecutorLayout.fixedInstances(c);
    OptionalDouble gpus = ExecutorLayout.executorGpus(c);
    if (c.hardware().isEmpty() || n.isEmpty() || gpus.isEmpty()) {
      return;
    }
    ClusterSpec h = c.hardware().get();
    long total = h.totalGpus();
    double used = n.getAsLong() * gpus.getAsDouble();
    if (total > 0 && used < total) {
      long perGpu = (long) Math.max(1, Math.floor(gpus.getAsDouble()));
      c.report(
          List.of("spark.executor.instances", "spark.executor.resource.gpu.amount"),
          Map.of("used", RuleContext.formatNumber(used), "total", total),
          Long.toString(total / perGpu));
    }
  }
}
