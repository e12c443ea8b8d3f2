package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reports a count (cores, partitions, executors) below the least value Spark accepts. */
final class NonPositiveCountRule implements Rule {
  @Override
  public String name() {
    return "NonPositiveCount";
  }

  @Override
  public void check(RuleContext c) {
    for (Map.Entry<String, Long> e : Counts.MINIMUM.entrySet()) {
      if (!c.isSet(e.getKey())) {
        continue;
      }
      OptionalLong v = c.integer(e.getKey());
      if (v.isPresent() && v.getAsLong() < e.getValue()) {
        c.report(
            List.of(e.getKey()),
            Map.of("key", e.getKey(), "value", v.getAsLong(), "minimum", e.getValue()),
            Long.toString(Math.max(1, e.getValue())));
      }
    }
  }
}
