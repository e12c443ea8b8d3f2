package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;

/**
 * Reports a key of type {@code enum} whose value is not one of the allowed words as Spark reads it.
 */
final class InvalidEnumValueRule implements Rule {
  @Override
  public String name() {
    return "InvalidEnumValue";
  }

  @Override
  public void check(RuleContext c) {
    TypedValues.check(c, KeyType.ENUM);
  }
}
