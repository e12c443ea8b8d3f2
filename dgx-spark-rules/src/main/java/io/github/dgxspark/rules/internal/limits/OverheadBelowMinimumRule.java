package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reports an explicit executor or driver overhead below Spark's own minimum (384 MiB, or {@code
 * spark.executor.minMemoryOverhead} / {@code spark.driver.minMemoryOverhead}): Spark takes the
 * explicit value as is, and YARN or Kubernetes then kill containers whose native memory outgrows
 * it.
 */
final class OverheadBelowMinimumRule implements Rule {
  @Override
  public String name() {
    return "OverheadBelowMinimum";
  }

  @Override
  public void check(RuleContext c) {
    for (String key : List.of("spark.executor.memoryOverhead", "spark.driver.memoryOverhead")) {
      long min = c.minMemoryOverheadBytes(key);
      OptionalLong v = c.bytes(key);
      if (c.isSet(key) && v.isPresent() && v.getAsLong() < min) {
        c.report(
            List.of(key),
            Map.of("key", key, "value", c.shown(key), "minimum", ByteSizes.format(min)),
            ByteSizes.format(min));
      }
    }
  }
}
