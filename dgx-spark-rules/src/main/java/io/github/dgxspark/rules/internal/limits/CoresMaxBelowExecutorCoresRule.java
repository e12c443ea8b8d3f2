package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reports {@code spark.cores.max} below {@code spark.executor.cores}: a standalone master then
 * grants no executor and the job waits forever.
 */
final class CoresMaxBelowExecutorCoresRule implements Rule {
  @Override
  public String name() {
    return "CoresMaxBelowExecutorCores";
  }

  @Override
  public void check(RuleContext c) {
    OptionalLong max = c.integer("spark.cores.max");
    if (!c.isSet("spark.cores.max") || !c.isSet("spark.executor.cores") || max.isEmpty()) {
      return;
    }
    long cores = c.executorCores();
    if (max.getAsLong() >= 1 && cores >= 1 && max.getAsLong() < cores) {
      c.report(
          List.of("spark.cores.max", "spark.executor.cores"),
          Map.of("coresMax", max.getAsLong(), "executorCores", cores),
          Long.toString(cores));
    }
  }
}
