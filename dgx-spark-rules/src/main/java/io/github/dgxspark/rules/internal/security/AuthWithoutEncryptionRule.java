package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/** Reports RPC authentication on while RPC traffic stays unencrypted. */
final class AuthWithoutEncryptionRule implements Rule {
  @Override
  public String name() {
    return "AuthWithoutEncryption";
  }

  @Override
  public void check(RuleContext c) {
    if (c.flag("spark.authenticate") && !c.flag("spark.network.crypto.enabled")) {
      c.report(List.of("spark.network.crypto.enabled", "spark.authenticate"), Map.of(), "true");
    }
  }
}
