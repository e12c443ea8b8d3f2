package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reports a fixed executor layout that uses less than a share of the cluster's cores. */
final class ClusterCoresIdleRule implements Rule {
  @Override
  public String name() {
    return "ClusterCoresIdle";
  }

  @Override
  public void check(RuleContext c) {
    OptionalLong n = ExecutorLayout.fixedInstancesOnCluster(c);
    if (n.isEmpty()) {
      return;
    }
    ClusterSpec h = c.hardware().get();
    long total = (long) h.node().logicalCores() * h.nodeCount();
    long used = RuleContext.saturatedProduct(n.getAsLong(), c.executorCores());
    if (used < c.parameter("minUsedCoresFraction") * total) {
      c.report(
          List.of("spark.executor.instances", "spark.executor.cores"),
          Map.of("used", used, "total", total));
    }
  }
}
