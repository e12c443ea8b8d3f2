package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reports far more shuffle partitions than task slots while AQE cannot coalesce them: thousands of
 * tiny tasks cost more in scheduling than they do in work.
 */
final class TooManyShufflePartitionsRule implements Rule {
  private static final String KEY = "spark.sql.shuffle.partitions";

  @Override
  public String name() {
    return "TooManyShufflePartitions";
  }

  @Override
  public void check(RuleContext c) {
    if (c.flag("spark.sql.adaptive.enabled")
        && c.flag("spark.sql.adaptive.coalescePartitions.enabled")) {
      return;
    }
    OptionalLong partitions = c.integer(KEY);
    OptionalLong slots = c.taskSlots();
    if (!c.isSet(KEY) || partitions.isEmpty() || slots.isEmpty() || slots.getAsLong() < 1) {
      return;
    }
    double perSlot = c.parameter("maxPartitionsPerTaskSlot");
    if (partitions.getAsLong() > perSlot * slots.getAsLong()
        && partitions.getAsLong() > c.parameter("minPartitions")) {
      c.report(
          List.of(KEY, "spark.sql.adaptive.enabled"),
          Map.of("value", partitions.getAsLong(), "slots", slots.getAsLong()),
          Long.toString(RuleContext.saturatedProduct(3, slots.getAsLong())));
    }
  }
}
