package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reports a task GPU amount so large that fewer tasks fit an executor's GPUs than its cores: the
 * other cores stay idle.
 */
final class TaskGpuAmountLeavesCoresIdleRule implements Rule {
  @Override
  public String name() {
    return "TaskGpuAmountLeavesCoresIdle";
  }

  @Override
  public void check(RuleContext c) {
    OptionalDouble executorGpus = ExecutorLayout.executorGpus(c);
    OptionalDouble task = c.number("spark.task.resource.gpu.amount");
    if (c.localMode()
        || executorGpus.isEmpty()
        || !c.isSet("spark.task.resource.gpu.amount")
        || task.isEmpty()) {
      return;
    }
    double t = task.getAsDouble();
    if (!(t > 0) || (t > 0.5 && t % 1 != 0) || t > executorGpus.getAsDouble()) {
      return; // the limits rules report invalid amounts
    }
    long byGpu = (long) Math.floor(executorGpus.getAsDouble() / t + 1e-9);
    long taskCpus = Math.max(1, c.integer("spark.task.cpus").orElse(1));
    long byCpu = c.executorCores() / taskCpus;
    if (byCpu > 0 && byGpu < byCpu) {
      c.report(
          List.of("spark.task.resource.gpu.amount", "spark.executor.cores"),
          Map.of("tasks", byGpu, "cores", byCpu),
          RuleContext.formatNumber(Math.floor(executorGpus.getAsDouble() / byCpu * 1e6) / 1e6));
    }
  }
}
