package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports a key set to an empty or blank value. */
final class EmptyValueRule implements Rule {
  @Override
  public String name() {
    return "EmptyValue";
  }

  @Override
  public void check(RuleContext c) {
    for (Map.Entry<String, String> e : c.entries().entrySet()) {
      if (e.getValue().isBlank()) {
        c.report(List.of(e.getKey()), Map.of("key", e.getKey()));
      }
    }
  }
}
