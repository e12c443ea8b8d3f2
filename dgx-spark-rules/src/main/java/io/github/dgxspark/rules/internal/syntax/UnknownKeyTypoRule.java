package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports an unknown {@code spark.*} key close to a known one: "did you mean ...". */
final class UnknownKeyTypoRule implements Rule {
  @Override
  public String name() {
    return "UnknownKeyTypo";
  }

  @Override
  public void check(RuleContext c) {
    for (String key : c.entries().keySet()) {
      if (!Typos.isUnknown(c, key)) {
        continue;
      }
      Optional<String> near = Typos.suggestion(c, key);
      near.ifPresent(
          n -> c.report(List.of(key, n), Map.of("key", Names.printable(key), "suggestion", n)));
    }
  }
}
