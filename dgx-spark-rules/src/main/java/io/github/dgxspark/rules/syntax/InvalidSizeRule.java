package io.github.dgxspark.rules.syntax;

import io.github.dgxspark.rules.KeyType;
import io.github.dgxspark.rules.Rule;
import io.github.dgxspark.rules.RuleContext;

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
