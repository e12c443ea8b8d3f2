package io.github.dgxspark.rules.internal.limits;

import java.util.Map;

/** Count keys and the least value Spark accepts for each (NonPositiveCount owns them). */
final class Counts {
  /** Key → smallest accepted value. */
  static final Map<String, Long> MINIMUM =
      Map.ofEntries(
          Map.entry("spark.executor.cores", 1L),
          Map.entry("spark.driver.cores", 1L),
          Map.entry("spark.task.cpus", 1L),
          Map.entry("spark.cores.max", 1L),
          Map.entry("spark.default.parallelism", 1L),
          Map.entry("spark.sql.shuffle.partitions", 1L),
          Map.entry("spark.executor.instances", 0L),
          Map.entry("spark.dynamicAllocation.minExecutors", 0L),
          Map.entry("spark.dynamicAllocation.maxExecutors", 0L),
          Map.entry("spark.dynamicAllocation.initialExecutors", 0L),
          Map.entry("spark.rapids.sql.concurrentGpuTasks", 1L));

  private Counts() {}
}
