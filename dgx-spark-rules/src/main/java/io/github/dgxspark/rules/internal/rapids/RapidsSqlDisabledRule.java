package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports the RAPIDS plugin loaded with SQL acceleration switched off. */
final class RapidsSqlDisabledRule implements Rule {
  @Override
  public String name() {
    return "RapidsSqlDisabled";
  }

  @Override
  public void check(RuleContext c) {
    if (c.rapidsPluginLoaded()
        && c.isSet("spark.rapids.sql.enabled")
        && !c.flag("spark.rapids.sql.enabled")) {
      c.report(List.of("spark.rapids.sql.enabled"), Map.of(), "true");
    }
  }
}
