package io.github.dgxspark.rules.syntax;

import io.github.dgxspark.rules.Rule;
import io.github.dgxspark.rules.RuleContext;
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
