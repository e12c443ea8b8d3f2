package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports a multi-node or standalone deployment without RPC authentication: anyone who reaches the
 * ports can join or submit.
 */
final class ClusterWithoutAuthenticationRule implements Rule {
  @Override
  public String name() {
    return "ClusterWithoutAuthentication";
  }

  @Override
  public void check(RuleContext c) {
    boolean shared =
        c.hardware().map(h -> h.nodeCount() > 1).orElse(false)
            || c.manager().map(m -> m == ClusterManager.STANDALONE).orElse(false);
    if (shared && !c.flag("spark.authenticate")) {
      c.report(List.of("spark.authenticate"), Map.of(), "true");
    }
  }
}
