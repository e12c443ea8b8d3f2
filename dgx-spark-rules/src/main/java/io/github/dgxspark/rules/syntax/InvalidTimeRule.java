package io.github.dgxspark.rules.syntax;

import io.github.dgxspark.rules.KeyType;
import io.github.dgxspark.rules.Rule;
import io.github.dgxspark.rules.RuleContext;

/** Reports a key of type {@code time} whose value is not a time as Spark reads it. */
final class InvalidTimeRule implements Rule {
  @Override
  public String name() {
    return "InvalidTime";
  }

  @Override
  public void check(RuleContext c) {
    TypedValues.check(c, KeyType.TIME);
  }
}
