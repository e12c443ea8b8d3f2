package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports adaptive query execution switched off. */
final class AdaptiveExecutionDisabledRule implements Rule {
  @Override
  public String name() {
    return "AdaptiveExecutionDisabled";
  }

  @Override
  public void check(RuleContext c) {
    if (c.isSet("spark.sql.adaptive.enabled")
        && !c.flag("spark.sql.adaptive.enabled")
        && c.value("spark.sql.adaptive.enabled")
            .map(v -> v.equalsIgnoreCase("false"))
            .orElse(false)) {
      c.report(List.of("spark.sql.adaptive.enabled"), Map.of(), "true");
    }
  }
}
