package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports a task GPU amount without an executor GPU amount: Spark refuses task resource requests
 * that no executor resource backs (outside local mode).
 */
final class TaskGpuWithoutExecutorGpuRule implements Rule {
  @Override
  public String name() {
    return "TaskGpuWithoutExecutorGpu";
  }

  @Override
  public void check(RuleContext c) {
    if (c.isSet("spark.task.resource.gpu.amount")
        && !c.isSet("spark.executor.resource.gpu.amount")
        && !c.localMode()) {
      c.report(
          List.of("spark.executor.resource.gpu.amount", "spark.task.resource.gpu.amount"),
          Map.of(),
          "1");
    }
  }
}
