package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports a key that is empty, has surrounding spaces or contains control characters: such a key
 * cannot be written to spark-defaults.conf and never matches the property meant.
 */
final class InvalidKeyNameRule implements Rule {
  @Override
  public String name() {
    return "InvalidKeyName";
  }

  @Override
  public void check(RuleContext c) {
    for (String key : c.entries().keySet()) {
      if (!Names.wellFormed(key)) {
        c.report(List.of(key), Map.of("key", Names.printable(key)));
      }
    }
  }
}
