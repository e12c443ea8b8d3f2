package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;

/** Reports a key of type {@code double} whose value is not a number as Spark reads it. */
final class InvalidNumberRule implements Rule {
  @Override
  public String name() {
    return "InvalidNumber";
  }

  @Override
  public void check(RuleContext c) {
    TypedValues.check(c, KeyType.DOUBLE);
  }
}
