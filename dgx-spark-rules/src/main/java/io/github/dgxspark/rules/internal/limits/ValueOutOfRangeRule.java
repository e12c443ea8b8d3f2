package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reports a well-formed value outside the range Spark checks for its key (from the key list; sizes
 * in bytes, times in milliseconds). Count keys are left to NonPositiveCount.
 */
final class ValueOutOfRangeRule implements Rule {
  @Override
  public String name() {
    return "ValueOutOfRange";
  }

  @Override
  public void check(RuleContext c) {
    for (Map.Entry<String, String> e : c.entries().entrySet()) {
      if (Counts.MINIMUM.containsKey(e.getKey())) {
        continue;
      }
      Optional<ConfigKey> info = c.keyInfo(e.getKey());
      if (info.isEmpty() || (info.get().min().isEmpty() && info.get().max().isEmpty())) {
        continue;
      }
      ConfigKey k = info.get();
      OptionalDouble v = k.numericValue(e.getValue());
      if (v.isEmpty()) {
        continue;
      }
      double x = v.getAsDouble();
      boolean low =
          k.min().isPresent()
              && (k.minExclusive() ? !(x > k.min().getAsDouble()) : !(x >= k.min().getAsDouble()));
      boolean high =
          k.max().isPresent()
              && (k.maxExclusive() ? !(x < k.max().getAsDouble()) : !(x <= k.max().getAsDouble()));
      if (low || high) {
        c.report(
            List.of(e.getKey()),
            Map.of("key", e.getKey(), "value", c.shown(e.getKey()), "range", range(k)),
            c.defaultValue(e.getKey()).orElse(null));
      }
    }
  }

  private static String range(ConfigKey k) {
    String unit = k.type() == KeyType.SIZE ? " bytes" : k.type() == KeyType.TIME ? " ms" : "";
    String lo =
        k.min().isPresent()
            ? (k.minExclusive() ? "above " : "at least ")
                + RuleContext.formatNumber(k.min().getAsDouble())
                + unit
            : "";
    String hi =
        k.max().isPresent()
            ? (k.maxExclusive() ? "below " : "at most ")
                + RuleContext.formatNumber(k.max().getAsDouble())
                + unit
            : "";
    return lo.isEmpty() ? hi : hi.isEmpty() ? lo : lo + " and " + hi;
  }
}
