package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports a fixed executor count together with dynamic allocation: it only sets the start. */
final class ExecutorInstancesWithDynamicAllocationRule implements Rule {
  @Override
  public String name() {
    return "ExecutorInstancesWithDynamicAllocation";
  }

  @Override
  public void check(RuleContext c) {
    if (c.flag("spark.dynamicAllocation.enabled") && c.isSet("spark.executor.instances")) {
      c.report(
          List.of("spark.executor.instances", "spark.dynamicAllocation.enabled"),
          Map.of("value", c.shown("spark.executor.instances")));
    }
  }
}
