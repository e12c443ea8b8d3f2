package io.github.dgxspark.rules;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.SparkVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a {@link CustomRule} sees while one config is validated: the properties, the hardware if the
 * caller gave it, typed accessors that never throw, the parameters of the rule's {@link RuleEntry},
 * and the finding sink.
 *
 * <p>Typed accessors return the explicit value when it is set and well-formed, else Spark's default
 * for {@link #sparkVersion()}, else empty; a malformed explicit value gives empty (the built-in
 * syntax rules report it). Sizes are bytes, times milliseconds, parsed as Spark parses the key (a
 * bare number is read in the key's unit).
 */
public interface CustomRuleContext {
  /**
   * All properties as given, in order.
   *
   * @return key → value, unmodifiable
   */
  Map<String, String> entries();

  /**
   * The value of a key, trimmed as Spark trims it.
   *
   * @param key the property name
   * @return the value, if set
   */
  Optional<String> value(String key);

  /**
   * Whether a key is set.
   *
   * @param key the property name
   * @return true if present
   */
  boolean isSet(String key);

  /**
   * A value as it may be shown in a finding: redacted when the key names a secret.
   *
   * @param key the property name
   * @return the value, redacted where needed, or an empty text when unset
   */
  String shown(String key);

  /**
   * A size: the explicit value or Spark's default.
   *
   * @param key a size key such as {@code spark.executor.memory}
   * @return bytes, or empty when unset without default, or malformed
   */
  OptionalLong bytes(String key);

  /**
   * A time: the explicit value or Spark's default.
   *
   * @param key a time key such as {@code spark.network.timeout}
   * @return milliseconds, or empty when unset without default, or malformed
   */
  OptionalLong millis(String key);

  /**
   * A whole number: the explicit value or Spark's default.
   *
   * @param key an integer key
   * @return the number, or empty when unset without default, or malformed
   */
  OptionalLong integer(String key);

  /**
   * A decimal number: the explicit value or Spark's default.
   *
   * @param key a number key
   * @return the number, or empty when unset without default, or malformed
   */
  OptionalDouble number(String key);

  /**
   * A boolean: the explicit value or Spark's default; false when neither is known or the value is
   * malformed.
   *
   * @param key a boolean key
   * @return the value
   */
  boolean flag(String key);

  /**
   * The hardware the config will run on, when the caller gave it.
   *
   * @return the cluster
   */
  Optional<ClusterSpec> hardware();

  /**
   * The Spark release the config is validated for.
   *
   * @return the version ({@link SparkVersion#NEWEST} unless the caller named one)
   */
  SparkVersion sparkVersion();

  /**
   * Whether the config asks for GPUs: the RAPIDS plugin, a GPU resource amount, or any {@code
   * spark.rapids.*} key.
   *
   * @return true in GPU mode
   */
  boolean gpuRequested();

  /**
   * A parameter of the rule's entry, in the unit its name says.
   *
   * @param name e.g. {@code maxGib}
   * @return its value
   * @throws RulesException if the entry has no such parameter
   */
  double parameter(String name);

  /**
   * Reports a finding without a suggested value. The message is the entry's, with each {@code
   * {placeholder}} filled from {@code values}, else from the entry's parameters; secret values are
   * redacted.
   *
   * @param keys the keys involved, at least one
   * @param values the message's placeholder values
   */
  void report(List<String> keys, Map<String, ?> values);

  /**
   * Reports a finding with the value to set for the first key.
   *
   * @param keys the keys involved, at least one
   * @param values the message's placeholder values
   * @param suggestedValue the value to set for the first key
   */
  void report(List<String> keys, Map<String, ?> values, String suggestedValue);
}
