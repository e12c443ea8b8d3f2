package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports a {@code spark.*} key that is neither known nor in an open namespace, and not close to a
 * known key (UnknownKeyTypo reports those).
 */
final class UnknownKeyRule implements Rule {
  @Override
  public String name() {
    return "UnknownKey";
  }

  @Override
  public void check(RuleContext c) {
    for (String key : c.entries().keySet()) {
      if (Typos.isUnknown(c, key) && Typos.suggestion(c, key).isEmpty()) {
        c.report(List.of(key), Map.of("key", Names.printable(key)));
      }
    }
  }
}
