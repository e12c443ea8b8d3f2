package io.github.dgxspark.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One recommended Spark property with the reason for its value.
 *
 * @param key the property name, e.g. {@code spark.executor.memory}
 * @param value the value exactly as Spark reads it (sizes and times always with a unit)
 * @param reason a sentence a person can read saying why this value
 * @param source where a number from outside comes from (a document, a tool's default), if any
 */
public record ConfigValue(String key, String value, String reason, Optional<String> source) {
  // Checks the fields.
  public ConfigValue {
    Checks.nonBlank("config key", key);
    Objects.requireNonNull(value, "value");
    Checks.nonBlank("reason for " + key, reason);
    Objects.requireNonNull(source, "source");
  }
}
