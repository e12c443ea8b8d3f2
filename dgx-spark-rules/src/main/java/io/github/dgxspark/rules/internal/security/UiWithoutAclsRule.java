package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports the web UI on without ACLs: whoever reaches its port sees the environment and, with kill
 * enabled, can kill jobs.
 */
final class UiWithoutAclsRule implements Rule {
  @Override
  public String name() {
    return "UiWithoutAcls";
  }

  @Override
  public void check(RuleContext c) {
    if (c.flag("spark.ui.enabled") && !c.flag("spark.acls.enable") && !c.localMode()) {
      c.report(List.of("spark.acls.enable", "spark.ui.enabled"), Map.of(), "true");
    }
  }
}
