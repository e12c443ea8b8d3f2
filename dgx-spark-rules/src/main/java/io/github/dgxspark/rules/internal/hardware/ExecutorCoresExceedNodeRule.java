package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports executors with more cores than a node has: no worker can ever host one. */
final class ExecutorCoresExceedNodeRule implements Rule {
  @Override
  public String name() {
    return "ExecutorCoresExceedNode";
  }

  @Override
  public void check(RuleContext c) {
    if (c.hardware().isEmpty() || c.localMode() || !c.isSet("spark.executor.cores")) {
      return;
    }
    int nodeCores = c.hardware().get().node().logicalCores();
    if (c.executorCores() > nodeCores) {
      c.report(
          List.of("spark.executor.cores"),
          Map.of("cores", c.executorCores(), "nodeCores", nodeCores),
          Integer.toString(nodeCores));
    }
  }
}
