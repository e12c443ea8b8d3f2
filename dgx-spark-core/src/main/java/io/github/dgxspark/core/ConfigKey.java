package io.github.dgxspark.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * One known Spark, Spark SQL or RAPIDS Accelerator config key, from {@code
 * data/spark-config-keys.json} (read once, by core's key table; see {@link
 * SparkSemantics#knownKeys}).
 *
 * @param name the key; a {@code *} stands for one free name segment (e.g. {@code
 *     spark.executor.resource.*.amount})
 * @param type the type of its value
 * @param unit the unit of a bare number for sizes ({@code b}, {@code k}, {@code m}, {@code g}) and
 *     times ({@code us}, {@code ms}, {@code s}, {@code min}, {@code h}, {@code d}); empty for other
 *     types
 * @param defaultValue Spark's default as Spark prints it, empty when the key has none or it is
 *     computed
 * @param min the smallest accepted value (sizes in bytes, times in milliseconds), if Spark checks
 *     one
 * @param max the largest accepted value (same units), if Spark checks one
 * @param minExclusive true when {@code min} itself is rejected (value must be above it)
 * @param maxExclusive true when {@code max} itself is rejected (value must be below it)
 * @param allowed the accepted words for {@link KeyType#ENUM} keys, upper-case, else empty
 * @param since the first Spark (or RAPIDS Accelerator) version with the key
 * @param deprecatedBy the key that replaces this deprecated one, if any
 */
public record ConfigKey(
    String name,
    KeyType type,
    Optional<String> unit,
    Optional<String> defaultValue,
    OptionalDouble min,
    OptionalDouble max,
    boolean minExclusive,
    boolean maxExclusive,
    List<String> allowed,
    String since,
    Optional<String> deprecatedBy) {
  private static final Pattern CLASS_LIST =
      Pattern.compile(
          "[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*(\\s*,\\s*[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*)*");

  // Checks the fields and copies the list.
  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    allowed = List.copyOf(allowed);
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(deprecatedBy, "deprecatedBy");
  }

  /**
   * Whether Spark accepts a value for this key's type (ranges aside): a size or time with a known
   * unit, a whole or decimal number, {@code true}/{@code false}, one of the allowed words, or a
   * class name list.
   *
   * @param value the value as set
   * @return true if it parses
   */
  public boolean accepts(String value) {
    Objects.requireNonNull(value, "value");
    switch (type) {
      case ENUM:
        return allowed.contains(value.trim().toUpperCase(java.util.Locale.ROOT));
      case CLASS:
        return CLASS_LIST.matcher(value.trim()).matches();
      default:
        return type.read(name, value).isPresent();
    }
  }

  /**
   * The value converted to this key's base unit: bytes for sizes, milliseconds for times, the
   * number for numbers.
   *
   * @param value the value as set
   * @return the number, or empty when it does not parse or the type is not numeric
   */
  public OptionalDouble numericValue(String value) {
    Objects.requireNonNull(value, "value");
    if (type != KeyType.SIZE
        && type != KeyType.TIME
        && type != KeyType.INT
        && type != KeyType.DOUBLE) {
      return OptionalDouble.empty();
    }
    return type.read(name, value)
        .map(o -> OptionalDouble.of(((Number) o).doubleValue()))
        .orElse(OptionalDouble.empty());
  }
}
