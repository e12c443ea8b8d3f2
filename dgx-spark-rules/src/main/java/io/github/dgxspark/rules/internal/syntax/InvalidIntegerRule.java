package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;

/** Reports a key of type {@code int} whose value is not a whole number as Spark reads it. */
final class InvalidIntegerRule implements Rule {
  @Override
  public String name() {
    return "InvalidInteger";
  }

  @Override
  public void check(RuleContext c) {
    TypedValues.check(c, KeyType.INT);
  }
}
