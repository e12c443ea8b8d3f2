package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.internal.Rule;
import java.util.List;

/** The explicit table of the anti-pattern rules (no reflection). */
public final class AntipatternRules {
  private AntipatternRules() {}

  /**
   * One instance of every anti-pattern rule class.
   *
   * @return the rules
   */
  public static List<Rule> all() {
    return List.of(
        new AdaptiveExecutionDisabledRule(),
        new DynamicAllocationWithoutShuffleServiceRule(),
        new ExecutorInstancesWithDynamicAllocationRule(),
        new HeapJustAbove32GbRule(),
        new HugeDriverTinyExecutorsRule(),
        new JavaSerializerRule(),
        new ParquetLz4RawCodecRule(),
        new SingleCoreExecutorsRule(),
        new TooFewShufflePartitionsRule(),
        new TooManyShufflePartitionsRule(),
        new UnlimitedMaxResultSizeRule());
  }
}
