package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reports {@code spark.executor.memory} below 1.5 × Spark's 300 MiB reserved memory (450 MiB),
 * which Spark's unified memory manager rejects at start.
 */
final class ExecutorMemoryBelowMinimumRule implements Rule {
  @Override
  public String name() {
    return "ExecutorMemoryBelowMinimum";
  }

  @Override
  public void check(RuleContext c) {
    OptionalLong heap = c.bytes("spark.executor.memory");
    long min = (long) (c.parameter("minHeapMib") * ByteSizes.MIB);
    if (c.isSet("spark.executor.memory") && heap.isPresent() && heap.getAsLong() < min) {
      c.report(
          List.of("spark.executor.memory"),
          Map.of("value", c.shown("spark.executor.memory"), "bytes", heap.getAsLong()),
          ByteSizes.format(ByteSizes.GIB));
    }
  }
}
