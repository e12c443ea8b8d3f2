package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reports dynamic allocation with minExecutors above maxExecutors, which Spark rejects. */
final class DynamicAllocationMinAboveMaxRule implements Rule {
  private static final String MIN = "spark.dynamicAllocation.minExecutors";
  private static final String MAX = "spark.dynamicAllocation.maxExecutors";

  @Override
  public String name() {
    return "DynamicAllocationMinAboveMax";
  }

  @Override
  public void check(RuleContext c) {
    if (!c.flag("spark.dynamicAllocation.enabled") || !c.isSet(MAX)) {
      return;
    }
    OptionalLong min = c.integer(MIN);
    OptionalLong max = c.integer(MAX);
    if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong()) {
      c.report(
          List.of(MIN, MAX),
          Map.of("min", min.getAsLong(), "max", max.getAsLong()),
          Long.toString(max.getAsLong()));
    }
  }
}
