package io.github.dgxspark.rules.security;

import io.github.dgxspark.rules.Rule;
import io.github.dgxspark.rules.RuleContext;
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
