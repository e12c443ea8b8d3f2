package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports off-heap memory enabled with no positive size, which Spark rejects at start. */
final class OffHeapEnabledWithoutSizeRule implements Rule {
  @Override
  public String name() {
    return "OffHeapEnabledWithoutSize";
  }

  @Override
  public void check(RuleContext c) {
    if (c.flag("spark.memory.offHeap.enabled")
        && c.bytes("spark.memory.offHeap.size").orElse(0) <= 0
        && (!c.isSet("spark.memory.offHeap.size")
            || c.bytes("spark.memory.offHeap.size").isPresent())) {
      c.report(
          List.of("spark.memory.offHeap.size", "spark.memory.offHeap.enabled"), Map.of(), "2g");
    }
  }
}
