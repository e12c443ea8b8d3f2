package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;

/** Reports a key of type {@code size} whose value is not a size as Spark reads it. */
final class InvalidSizeRule implements Rule {
  @Override
  public String name() {
    return "InvalidSize";
  }

  @Override
  public void check(RuleContext c) {
    TypedValues.check(c, KeyType.SIZE);
  }
}
