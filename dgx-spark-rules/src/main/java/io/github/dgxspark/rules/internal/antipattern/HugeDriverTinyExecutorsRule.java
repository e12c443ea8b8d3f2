package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports a driver heap many times the executor heap while the executors are small: the work runs
 * on the executors, so the memory is in the wrong place (often a sign of collecting data).
 */
final class HugeDriverTinyExecutorsRule implements Rule {
  @Override
  public String name() {
    return "HugeDriverTinyExecutors";
  }

  @Override
  public void check(RuleContext c) {
    if (c.localMode() || !c.isSet("spark.driver.memory")) {
      return;
    }
    long driver = c.bytes("spark.driver.memory").orElse(0);
    long executor = c.executorMemoryBytes();
    long small = (long) (c.parameter("maxSmallExecutorGib") * ByteSizes.GIB);
    if (executor > 0
        && executor <= small
        && driver >= c.parameter("minDriverGib") * ByteSizes.GIB
        && driver >= c.parameter("minRatio") * executor) {
      c.report(
          List.of("spark.driver.memory", "spark.executor.memory"),
          Map.of("driver", c.shown("spark.driver.memory"), "executor", ByteSizes.format(executor)));
    }
  }
}
