package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared loop of the per-type value rules: reports every set key of one type that Spark
 * rejects.
 */
final class TypedValues {
  private TypedValues() {}

  static void check(RuleContext c, KeyType type) {
    for (Map.Entry<String, String> e : c.entries().entrySet()) {
      String value = e.getValue().trim();
      if (value.isEmpty()) {
        continue; // EmptyValue reports it
      }
      Optional<ConfigKey> info = c.keyInfo(e.getKey());
      if (info.isEmpty() || info.get().type() != type) {
        continue;
      }
      if (!c.accepts(info.get(), value)) {
        c.report(
            List.of(e.getKey()),
            Map.of(
                "key", e.getKey(),
                "value", c.shown(e.getKey()),
                "unit", info.get().unit().orElse(""),
                "allowed", String.join(", ", c.allowedValues(info.get()))),
            c.defaultValue(e.getKey()).orElse(null));
      }
    }
  }
}
