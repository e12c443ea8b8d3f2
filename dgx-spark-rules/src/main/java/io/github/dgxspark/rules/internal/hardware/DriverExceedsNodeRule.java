package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports a driver whose heap plus overhead, or cores, exceed one node. */
final class DriverExceedsNodeRule implements Rule {
  @Override
  public String name() {
    return "DriverExceedsNode";
  }

  @Override
  public void check(RuleContext c) {
    if (c.hardware().isEmpty()) {
      return;
    }
    NodeSpec node = c.hardware().get().node();
    long footprint = c.driverFootprintBytes();
    long cores = c.integer("spark.driver.cores").orElse(1);
    if (footprint > node.memoryBytes() || cores > node.logicalCores()) {
      c.report(
          List.of("spark.driver.memory", "spark.driver.cores"),
          Map.of(
              "driver", ByteSizes.human(footprint),
              "cores", cores,
              "nodeMemory", ByteSizes.human(node.memoryBytes()),
              "nodeCores", node.logicalCores()));
    }
  }
}
