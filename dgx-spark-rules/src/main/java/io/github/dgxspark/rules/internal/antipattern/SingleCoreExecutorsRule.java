package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports one-core executors: every task pays a JVM, its overhead and its own copy of each
 * broadcast.
 */
final class SingleCoreExecutorsRule implements Rule {
  @Override
  public String name() {
    return "SingleCoreExecutors";
  }

  @Override
  public void check(RuleContext c) {
    if (!c.localMode() && c.isSet("spark.executor.cores") && c.executorCores() == 1) {
      c.report(List.of("spark.executor.cores"), Map.of(), "5");
    }
  }
}
