package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.core.NicSpec;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports the UCX shuffle on hardware without InfiniBand or RoCE ports, where UCX gains nothing.
 */
final class UcxShuffleWithoutRdmaRule implements Rule {
  @Override
  public String name() {
    return "UcxShuffleWithoutRdma";
  }

  @Override
  public void check(RuleContext c) {
    if (c.hardware().isEmpty()
        || c.hardware().get().nodeCount() < 2
        || !c.value("spark.rapids.shuffle.mode")
            .map(v -> v.equalsIgnoreCase("UCX"))
            .orElse(false)) {
      return;
    }
    boolean rdma =
        c.hardware().get().node().nics().stream().anyMatch(n -> n.kind() != NicSpec.Kind.ETHERNET);
    if (!rdma) {
      c.report(List.of("spark.rapids.shuffle.mode"), Map.of(), "MULTITHREADED");
    }
  }
}
