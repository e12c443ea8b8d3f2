package io.github.dgxspark.rules;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.core.SparkDurations;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The one generic rule: compares a key's effective value (explicit, else Spark's default) with a
 * catalog parameter. The parameter's name says its unit: {@code ...Bytes}, {@code ...Kib}, {@code
 * ...Mib}, {@code ...Gib} for sizes, {@code ...Millis}, {@code ...Seconds} for times, anything else
 * is a plain number. Placeholders: {@code {key}}, {@code {value}} and the parameter itself.
 */
final class ThresholdRule implements Rule {
  private final String name;
  private final Catalog.Threshold threshold;

  ThresholdRule(String name, Catalog.Threshold threshold) {
    this.name = name;
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void check(RuleContext c) {
    String key = threshold.key();
    String p = threshold.parameter();
    double limit = c.parameter(p);
    double actual;
    String shown;
    if (p.endsWith("Bytes") || p.endsWith("Kib") || p.endsWith("Mib") || p.endsWith("Gib")) {
      OptionalLong v = c.bytes(key);
      if (v.isEmpty()) {
        return;
      }
      actual = v.getAsLong() / (double) sizeUnit(p);
      shown = c.isSet(key) ? c.shown(key) : ByteSizes.format(v.getAsLong()) + " (Spark's default)";
    } else if (p.endsWith("Millis") || p.endsWith("Seconds")) {
      OptionalLong v = c.millis(key);
      if (v.isEmpty()) {
        return;
      }
      actual = p.endsWith("Seconds") ? v.getAsLong() / 1000.0 : v.getAsLong();
      shown =
          c.isSet(key)
              ? c.shown(key)
              : SparkDurations.format(Duration.ofMillis(v.getAsLong())) + " (Spark's default)";
    } else {
      OptionalDouble v = numeric(c, key);
      if (v.isEmpty()) {
        return;
      }
      actual = v.getAsDouble();
      shown = c.isSet(key) ? c.shown(key) : RuleContext.formatNumber(actual) + " (Spark's default)";
    }
    boolean hit;
    switch (threshold.comparison()) {
      case "above":
        hit = actual > limit;
        break;
      case "atLeast":
        hit = actual >= limit;
        break;
      default:
        hit = actual < limit;
    }
    if (hit) {
      Map<String, String> values = Map.of("key", key, "value", shown);
      if (threshold.suggest().isPresent()) {
        c.report(List.of(key), values, threshold.suggest().get());
      } else {
        c.report(List.of(key), values);
      }
    }
  }

  private static OptionalDouble numeric(RuleContext c, String key) {
    KeyType type = c.keyInfo(key).map(ConfigKey::type).orElse(KeyType.DOUBLE);
    if (type == KeyType.INT) {
      OptionalLong v = c.integer(key);
      return v.isPresent() ? OptionalDouble.of(v.getAsLong()) : OptionalDouble.empty();
    }
    return c.number(key);
  }

  private static long sizeUnit(String parameter) {
    String lower = parameter.toLowerCase(Locale.ROOT);
    if (lower.endsWith("gib")) {
      return ByteSizes.GIB;
    }
    if (lower.endsWith("mib")) {
      return ByteSizes.MIB;
    }
    return lower.endsWith("kib") ? ByteSizes.KIB : 1;
  }
}
