package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;

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
