package io.github.dgxspark.rules.syntax;

import io.github.dgxspark.rules.KeyType;
import io.github.dgxspark.rules.Rule;
import io.github.dgxspark.rules.RuleContext;

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
