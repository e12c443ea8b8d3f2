package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reports one-core executors: every task pays a JVM, its overhead and its own copy of each
 * broadcast. The suggested size is about 5 cores, never more than one node or worker has: the
 * target's cores per node when the hardware is known, C of a {@code local-cluster[W,C,M]} master
 * (an executor larger than every worker is never placed and the application waits forever).
 */
final class SingleCoreExecutorsRule implements Rule {
  /**
   * About 5 cores per executor: Cloudera, "How-to: Tune Your Apache Spark Jobs (Part 2)", section
   * "Tuning Resource Allocation" (at most five tasks per executor for full HDFS write throughput).
   */
  private static final int SUGGESTED_CORES = 5;

  private static final OptionalInt NONE = OptionalInt.empty();

  @Override
  public String name() {
    return "SingleCoreExecutors";
  }

  @Override
  public void check(RuleContext c) {
    if (!c.localMode() && c.isSet("spark.executor.cores") && c.executorCores() == 1) {
      int cores = SUGGESTED_CORES;
      if (c.hardware().isPresent()) {
        cores = Math.min(cores, c.hardware().get().node().logicalCores());
      }
      OptionalInt worker =
          c.value("spark.master").map(SparkSemantics::localClusterWorkerCores).orElse(NONE);
      if (worker.isPresent()) {
        cores = Math.min(cores, worker.getAsInt());
      }
      if (cores > 1) {
        c.report(List.of("spark.executor.cores"), Map.of(), Integer.toString(cores));
      } else {
        c.report(List.of("spark.executor.cores"), Map.of());
      }
    }
  }
}
