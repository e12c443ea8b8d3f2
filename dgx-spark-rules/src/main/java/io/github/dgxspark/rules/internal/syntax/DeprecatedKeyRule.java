package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports a key that Spark has deprecated in favour of another. */
final class DeprecatedKeyRule implements Rule {
  @Override
  public String name() {
    return "DeprecatedKey";
  }

  @Override
  public void check(RuleContext c) {
    for (String key : c.entries().keySet()) {
      Optional<ConfigKey> info = c.keyInfo(key);
      if (info.isPresent() && info.get().deprecatedBy().isPresent()) {
        String replacement = info.get().deprecatedBy().get();
        c.report(List.of(key, replacement), Map.of("key", key, "replacement", replacement));
      }
    }
  }
}
