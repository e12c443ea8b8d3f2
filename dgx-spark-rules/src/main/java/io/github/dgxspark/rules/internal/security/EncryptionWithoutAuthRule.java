package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports RPC or I/O encryption switched on without authentication, which it requires. */
final class EncryptionWithoutAuthRule implements Rule {
  @Override
  public String name() {
    return "EncryptionWithoutAuth";
  }

  @Override
  public void check(RuleContext c) {
    if (!c.flag("spark.authenticate")
        && (c.flag("spark.network.crypto.enabled") || c.flag("spark.io.encryption.enabled"))) {
      c.report(List.of("spark.authenticate", "spark.network.crypto.enabled"), Map.of(), "true");
    }
  }
}
