package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.core.Redaction;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports a secret inside the value of a key that does not name one: a {@code -D...Password=}
 * option in {@code extraJavaOptions}, a JDBC URL's {@code password=}, a URL's user password, or a
 * value Spark's {@code spark.redaction.regex} default matches (see {@link Redaction#holdsSecret}).
 * Keys that name a secret are {@link PlainTextSecretRule}'s.
 */
final class SecretInValueRule implements Rule {
  @Override
  public String name() {
    return "SecretInValue";
  }

  @Override
  public void check(RuleContext c) {
    for (Map.Entry<String, String> e : c.entries().entrySet()) {
      String key = e.getKey();
      if (!c.isSecretKey(key) && Redaction.holdsSecret(key, e.getValue())) {
        c.report(List.of(key), Map.of("key", key));
      }
    }
  }
}
