package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reports a task GPU amount above the executor's GPU amount, which Spark rejects. */
final class TaskGpuAboveExecutorGpuRule implements Rule {
  @Override
  public String name() {
    return "TaskGpuAboveExecutorGpu";
  }

  @Override
  public void check(RuleContext c) {
    OptionalDouble task = c.number("spark.task.resource.gpu.amount");
    OptionalDouble executor = c.number("spark.executor.resource.gpu.amount");
    if (c.isSet("spark.executor.resource.gpu.amount")
        && task.isPresent()
        && executor.isPresent()
        && executor.getAsDouble() > 0
        && task.getAsDouble() > executor.getAsDouble()) {
      c.report(
          List.of("spark.task.resource.gpu.amount", "spark.executor.resource.gpu.amount"),
          Map.of(
              "task", RuleContext.formatNumber(task.getAsDouble()),
              "executor", RuleContext.formatNumber(executor.getAsDouble())),
          RuleContext.formatNumber(executor.getAsDouble()));
    }
  }
}
