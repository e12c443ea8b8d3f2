package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports a driver bound to every interface ({@code 0.0.0.0} or {@code ::}) without RPC
 * authentication.
 */
final class RpcExposedWithoutAuthRule implements Rule {
  @Override
  public String name() {
    return "RpcExposedWithoutAuth";
  }

  @Override
  public void check(RuleContext c) {
    boolean everywhere =
        c.value("spark.driver.bindAddress")
            .map(v -> v.equals("0.0.0.0") || v.equals("::"))
            .orElse(false);
    if (everywhere && !c.flag("spark.authenticate")) {
      c.report(List.of("spark.authenticate", "spark.driver.bindAddress"), Map.of(), "true");
    }
  }
}
