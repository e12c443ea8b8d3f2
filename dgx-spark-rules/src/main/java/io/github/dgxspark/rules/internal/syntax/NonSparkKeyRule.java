package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports a key outside the {@code spark.} namespace, which spark-submit ignores. */
final class NonSparkKeyRule implements Rule {
  @Override
  public String name() {
    return "NonSparkKey";
  }

  @Override
  public void check(RuleContext c) {
    for (String key : c.entries().keySet()) {
      if (Names.wellFormed(key) && !key.startsWith("spark.")) {
        c.report(List.of(key), Map.of("key", Names.printable(key)));
      }
    }
  }
}
