package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reports a {@code local[N]} master with more task threads than the node has cores, and suggests
 * one thread per core: local mode runs no cluster daemon beside the driver, so every core takes a
 * task thread (as the optimizer lays it out).
 */
final class LocalMasterCoresExceedNodeRule implements Rule {
  @Override
  public String name() {
    return "LocalMasterCoresExceedNode";
  }

  @Override
  public void check(RuleContext c) {
    OptionalInt n = c.localMasterCores();
    if (c.hardware().isEmpty() || n.isEmpty()) {
      return;
    }
    int cores = c.hardware().get().node().logicalCores();
    if (n.getAsInt() > cores) {
      c.report(
          List.of("spark.master"),
          Map.of("threads", n.getAsInt(), "nodeCores", cores),
          "local[" + cores + "]");
    }
  }
}
