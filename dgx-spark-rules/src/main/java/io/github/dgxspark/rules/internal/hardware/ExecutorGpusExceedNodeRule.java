package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reports executors asking for more GPUs than a node has (when the node has any). */
final class ExecutorGpusExceedNodeRule implements Rule {
  @Override
  public String name() {
    return "ExecutorGpusExceedNode";
  }

  @Override
  public void check(RuleContext c) {
    OptionalDouble gpus = ExecutorLayout.executorGpus(c);
    if (c.hardware().isEmpty() || gpus.isEmpty()) {
      return;
    }
    int nodeGpus = c.hardware().get().node().gpuCount();
    if (nodeGpus > 0 && gpus.getAsDouble() > nodeGpus) {
      c.report(
          List.of("spark.executor.resource.gpu.amount"),
          Map.of("gpus", RuleContext.formatNumber(gpus.getAsDouble()), "nodeGpus", nodeGpus),
          "1");
    }
  }
}
