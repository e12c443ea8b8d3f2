package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reports {@code spark.driver.memory} below 1.5 × Spark's 300 MiB reserved memory (450 MiB), which
 * Spark's unified memory manager rejects at start.
 */
final class DriverMemoryBelowMinimumRule implements Rule {
  @Override
  public String name() {
    return "DriverMemoryBelowMinimum";
  }

  @Override
  public void check(RuleContext c) {
    OptionalLong heap = c.bytes("spark.driver.memory");
    long min = (long) (c.parameter("minHeapMib") * ByteSizes.MIB);
    if (c.isSet("spark.driver.memory") && heap.isPresent() && heap.getAsLong() < min) {
      c.report(
          List.of("spark.driver.memory"),
          Map.of("value", c.shown("spark.driver.memory"), "bytes", heap.getAsLong()),
          ByteSizes.format(ByteSizes.GIB));
    }
  }
}
