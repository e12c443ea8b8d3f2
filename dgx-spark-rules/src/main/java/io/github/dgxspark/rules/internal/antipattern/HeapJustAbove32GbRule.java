package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reports an executor or driver heap just above 32 GB: the JVM loses compressed object pointers, so
 * every reference doubles and the heap holds less than a 31 GB one.
 */
final class HeapJustAbove32GbRule implements Rule {
  @Override
  public String name() {
    return "HeapJustAbove32Gb";
  }

  @Override
  public void check(RuleContext c) {
    long low = (long) (c.parameter("lowerGib") * ByteSizes.GIB);
    long high = (long) (c.parameter("upperGib") * ByteSizes.GIB);
    for (String key : List.of("spark.executor.memory", "spark.driver.memory")) {
      OptionalLong heap = c.bytes(key);
      if (c.isSet(key) && heap.isPresent() && heap.getAsLong() >= low && heap.getAsLong() < high) {
        c.report(List.of(key), Map.of("key", key, "value", c.shown(key)), "31g");
      }
    }
  }
}
