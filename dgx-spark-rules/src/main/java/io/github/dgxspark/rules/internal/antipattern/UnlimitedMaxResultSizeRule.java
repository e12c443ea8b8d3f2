package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports {@code spark.driver.maxResultSize=0}: a large collect() can then kill the driver. */
final class UnlimitedMaxResultSizeRule implements Rule {
  @Override
  public String name() {
    return "UnlimitedMaxResultSize";
  }

  @Override
  public void check(RuleContext c) {
    if (c.isSet("spark.driver.maxResultSize")
        && c.bytes("spark.driver.maxResultSize").orElse(-1) == 0) {
      c.report(List.of("spark.driver.maxResultSize"), Map.of(), "1g");
    }
  }
}
