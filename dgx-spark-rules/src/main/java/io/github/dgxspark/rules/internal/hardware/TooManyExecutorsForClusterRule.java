package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reports more executors than the cluster can host by memory, cores or GPUs: the surplus never
 * starts, and on standalone the job can wait for it.
 */
final class TooManyExecutorsForClusterRule implements Rule {
  @Override
  public String name() {
    return "TooManyExecutorsForCluster";
  }

  @Override
  public void check(RuleContext c) {
    OptionalLong n = ExecutorLayout.fixedInstancesOnCluster(c);
    if (n.isEmpty()) {
      return;
    }
    ClusterSpec h = c.hardware().get();
    long footprint = Math.max(1, c.executorFootprintBytes());
    long perNode =
        Math.min(h.node().memoryBytes() / footprint, h.node().logicalCores() / c.executorCores());
    OptionalDouble gpus = ExecutorLayout.executorGpus(c);
    if (gpus.isPresent()) {
      perNode = Math.min(perNode, (long) Math.floor(h.node().gpuCount() / gpus.getAsDouble()));
    }
    long capacity = RuleContext.saturatedProduct(perNode, h.nodeCount());
    if (perNode > 0 && n.getAsLong() > capacity) {
      c.report(
          List.of("spark.executor.instances"),
          Map.of(
              "instances",
              n.getAsLong(),
              "capacity",
              capacity,
              "perNode",
              perNode,
              "nodes",
              h.nodeCount()),
          Long.toString(capacity));
    }
  }
}
