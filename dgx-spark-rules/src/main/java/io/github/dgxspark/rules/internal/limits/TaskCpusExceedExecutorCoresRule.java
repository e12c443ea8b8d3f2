package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reports {@code spark.task.cpus} above the cores of an executor (or of a {@code local[N]} master),
 * which Spark rejects at start.
 */
final class TaskCpusExceedExecutorCoresRule implements Rule {
  @Override
  public String name() {
    return "TaskCpusExceedExecutorCores";
  }

  @Override
  public void check(RuleContext c) {
    OptionalLong taskCpus = c.integer("spark.task.cpus");
    if (!c.isSet("spark.task.cpus") || taskCpus.isEmpty() || taskCpus.getAsLong() < 1) {
      return;
    }
    long cores;
    String coresKey;
    OptionalInt local = c.localMasterCores();
    if (c.localMode() && local.isPresent()) {
      cores = local.getAsInt();
      coresKey = "spark.master";
    } else {
      if (!c.isSet("spark.executor.cores")) {
        return;
      }
      cores = c.executorCores();
      coresKey = "spark.executor.cores";
    }
    if (cores >= 1 && taskCpus.getAsLong() > cores) {
      c.report(
          List.of("spark.task.cpus", coresKey),
          Map.of("taskCpus", taskCpus.getAsLong(), "cores", cores),
          Long.toString(cores));
    }
  }
}
