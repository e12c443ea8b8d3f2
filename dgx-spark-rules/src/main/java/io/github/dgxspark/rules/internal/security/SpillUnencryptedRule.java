package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * Reports encrypted RPC while shuffle and spill files on local disks stay unencrypted: the data
 * protected on the wire lies in the clear on disk.
 */
final class SpillUnencryptedRule implements Rule {
  @Override
  public String name() {
    return "SpillUnencrypted";
  }

  @Override
  public void check(RuleContext c) {
    if (c.flag("spark.network.crypto.enabled") && !c.flag("spark.io.encryption.enabled")) {
      c.report(List.of("spark.io.encryption.enabled"), Map.of(), "true");
    }
  }
}
