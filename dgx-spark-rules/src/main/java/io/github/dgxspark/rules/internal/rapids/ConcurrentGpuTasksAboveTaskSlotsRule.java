package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reports more concurrent GPU tasks than an executor runs tasks: the extra permits never fill. */
final class ConcurrentGpuTasksAboveTaskSlotsRule implements Rule {
  private static final String KEY = "spark.rapids.sql.concurrentGpuTasks";

  @Override
  public String name() {
    return "ConcurrentGpuTasksAboveTaskSlots";
  }

  @Override
  public void check(RuleContext c) {
    OptionalLong n = c.integer(KEY);
    if (!c.isSet(KEY) || n.isEmpty() || c.localMode() || !c.isSet("spark.executor.cores")) {
      return;
    }
    long slots = c.executorCores() / Math.max(1, c.integer("spark.task.cpus").orElse(1));
    if (slots >= 1 && n.getAsLong() > slots) {
      c.report(
          List.of(KEY, "spark.executor.cores"),
          Map.of("value", n.getAsLong(), "slots", slots),
          Long.toString(slots));
    }
  }
}
