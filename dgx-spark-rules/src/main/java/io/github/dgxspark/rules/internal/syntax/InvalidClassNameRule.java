package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;

/** Reports a key of type {@code class} whose value is not a class name as Spark reads it. */
final class InvalidClassNameRule implements Rule {
  @Override
  public String name() {
    return "InvalidClassName";
  }

  @Override
  public void check(RuleContext c) {
    TypedValues.check(c, KeyType.CLASS);
  }
}
