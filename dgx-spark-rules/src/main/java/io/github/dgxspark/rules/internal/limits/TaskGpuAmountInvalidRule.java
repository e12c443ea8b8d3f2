package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reports a task GPU amount that is neither at most 0.5 nor a whole number, or not positive: Spark
 * rejects it (ResourceUtils: "must be either &lt;= 0.5, or a whole number").
 */
final class TaskGpuAmountInvalidRule implements Rule {
  @Override
  public String name() {
    return "TaskGpuAmountInvalid";
  }

  @Override
  public void check(RuleContext c) {
    OptionalDouble v = c.number("spark.task.resource.gpu.amount");
    if (!c.isSet("spark.task.resource.gpu.amount") || v.isEmpty()) {
      return;
    }
    double x = v.getAsDouble();
    if (!(x > 0) || (x > 0.5 && x % 1 != 0) || Double.isInfinite(x)) {
      c.report(
          List.of("spark.task.resource.gpu.amount"),
          Map.of("value", c.shown("spark.task.resource.gpu.amount")),
          "0.0625");
    }
  }
}
