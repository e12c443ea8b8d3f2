package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports the RAPIDS shuffle manager without the RAPIDS plugin, which it depends on. */
final class RapidsShuffleManagerWithoutPluginRule implements Rule {
  @Override
  public String name() {
    return "RapidsShuffleManagerWithoutPlugin";
  }

  @Override
  public void check(RuleContext c) {
    if (!c.rapidsPluginLoaded()
        && c.value("spark.shuffle.manager")
            .map(v -> v.contains("RapidsShuffleManager"))
            .orElse(false)) {
      c.report(
          List.of("spark.plugins", "spark.shuffle.manager"), Map.of(), RuleContext.RAPIDS_PLUGIN);
    }
  }
}
