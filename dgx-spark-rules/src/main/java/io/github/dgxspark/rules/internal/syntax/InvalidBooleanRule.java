package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;

/** Reports a key of type {@code boolean} whose value is not a boolean as Spark reads it. */
final class InvalidBooleanRule implements Rule {
  @Override
  public String name() {
    return "InvalidBoolean";
  }

  @Override
  public void check(RuleContext c) {
    TypedValues.check(c, KeyType.BOOLEAN);
  }
}
