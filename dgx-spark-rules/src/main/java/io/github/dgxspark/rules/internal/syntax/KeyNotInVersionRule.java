package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports a known key that the target Spark release does not read: it came in a later release, or
 * was removed before the target (the key table's since/removed versions, via {@link
 * io.github.dgxspark.core.SparkSemantics#exists}).
 */
final class KeyNotInVersionRule implements Rule {
  @Override
  public String name() {
    return "KeyNotInVersion";
  }

  @Override
  public void check(RuleContext c) {
    SparkVersion target = c.sparkVersion();
    for (String key : c.entries().keySet()) {
      Optional<ConfigKey> info = c.keyInfo(key);
      if (info.isEmpty() || c.existsInVersion(info.get().name())) {
        continue;
      }
      String since = info.get().since();
      String life =
          !since.isBlank() && SparkVersion.parse(since).compareTo(target) > 0
              ? "it first appears in " + (key.startsWith("spark.rapids.") ? "" : "Spark ") + since
              : key.startsWith("spark.rapids.")
                  ? "the RAPIDS Accelerator runs on Spark 3.0 and later"
                  : "it was removed before this release";
      c.report(List.of(key), Map.of("key", Names.printable(key), "version", target, "life", life));
    }
  }
}
