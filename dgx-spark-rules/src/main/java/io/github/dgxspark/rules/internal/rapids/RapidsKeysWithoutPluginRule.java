package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports {@code spark.rapids.*} keys without the RAPIDS plugin in {@code spark.plugins}. */
final class RapidsKeysWithoutPluginRule implements Rule {
  @Override
  public String name() {
    return "RapidsKeysWithoutPlugin";
  }

  @Override
  public void check(RuleContext c) {
    if (c.rapidsPluginLoaded()) {
      return;
    }
    long count = c.entries().keySet().stream().filter(k -> k.startsWith("spark.rapids.")).count();
    if (count > 0) {
      String plugins = c.value("spark.plugins").filter(v -> !v.isEmpty()).orElse("");
      c.report(
          List.of("spark.plugins"),
          Map.of("count", count),
          plugins.isEmpty()
              ? RuleContext.RAPIDS_PLUGIN
              : plugins + "," + RuleContext.RAPIDS_PLUGIN);
    }
  }
}
