package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reports fewer shuffle partitions than task slots: after every shuffle some cores sit idle. */
final class TooFewShufflePartitionsRule implements Rule {
  private static final String KEY = "spark.sql.shuffle.partitions";

  @Override
  public String name() {
    return "TooFewShufflePartitions";
  }

  @Override
  public void check(RuleContext c) {
    OptionalLong partitions = c.integer(KEY);
    OptionalLong slots = c.taskSlots();
    if (partitions.isEmpty() || slots.isEmpty() || partitions.getAsLong() < 1) {
      return;
    }
    if (partitions.getAsLong() < slots.getAsLong()) {
      c.report(
          List.of(KEY),
          Map.of("value", partitions.getAsLong(), "slots", slots.getAsLong()),
          Long.toString(RuleContext.saturatedProduct(2, slots.getAsLong())));
    }
  }
}
