package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports a size written without a unit on a key whose bare numbers are not bytes: what Spark reads
 * depends on the key (and, for executor memory, on the code path), so a unit removes the doubt.
 */
final class BareNumberSizeRule implements Rule {
  @Override
  public String name() {
    return "BareNumberSize";
  }

  @Override
  public void check(RuleContext c) {
    for (Map.Entry<String, String> e : c.entries().entrySet()) {
      String v = e.getValue().trim();
      if (v.isEmpty() || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        continue;
      }
      Optional<ConfigKey> info = c.keyInfo(e.getKey());
      if (info.isEmpty() || info.get().type() != KeyType.SIZE) {
        continue;
      }
      String unit = info.get().unit().orElse("b");
      if (unit.equals("b") || v.chars().allMatch(ch -> ch == '0')) {
        continue;
      }
      String withUnit = v.replaceFirst("^0+(?=.)", "") + unit;
      if (!info.get().accepts(withUnit)) {
        continue;
      }
      c.report(
          List.of(e.getKey()),
          Map.of(
              "key", e.getKey(),
              "value", c.shown(e.getKey()),
              "unit", unit,
              "interpreted", ByteSizes.human((long) info.get().numericValue(withUnit).orElse(0))),
          c.shown(e.getKey()).equals(v) ? withUnit : null);
    }
  }
}
