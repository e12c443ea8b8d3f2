package io.github.dgxspark.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The type of a Spark config value, as Spark's config registry declares it ({@code
 * spark-config-keys.json}'s {@code type}).
 */
public enum KeyType {
  /** A size such as {@code 4g}; a bare number is read in the key's unit. */
  SIZE,
  /** A time such as {@code 120s}; a bare number is read in the key's unit. */
  TIME,
  /** A whole number (Spark's intConf or longConf). */
  INT,
  /** A decimal number (Spark's doubleConf). */
  DOUBLE,
  /** {@code true} or {@code false}, case-insensitive. */
  BOOLEAN,
  /** One of a fixed set of words (the key's {@code allowed} list, case-insensitive). */
  ENUM,
  /** A fully qualified class name, or a comma-separated list of them. */
  CLASS,
  /** Free text: a path, a list, a regular expression, a master URL. */
  STRING;

  /**
   * Parses a type name as written in spark-config-keys.json.
   *
   * @param text e.g. {@code size}
   * @return the type
   * @throws DgxSparkException if the name is not a type
   */
  public static KeyType parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (KeyType k : values()) {
      if (k.name().equals(t)) {
        return k;
      }
    }
    throw new DgxSparkException(
        String.format(
            Locale.ROOT,
            "key type '%s' is not known; expected size, time, int, double, boolean, enum, class or string",
            text));
  }

  /**
   * Reads a value as Spark reads a key of this type: sizes and times with {@link
   * SparkSemantics#sizeBytes} and {@link SparkSemantics#timeMillis} (a bare number in the key's
   * unit), booleans with {@link SparkSemantics#flag}, whole and decimal numbers as Java parses
   * them.
   *
   * @param key the key's name in the key table (its unit reads bare numbers)
   * @param value the value as set
   * @return a {@code Long} for {@link #SIZE} (bytes), {@link #TIME} (milliseconds) and {@link
   *     #INT}, a {@code Double} for {@link #DOUBLE}, a {@code Boolean} for {@link #BOOLEAN}, the
   *     trimmed text for the other types; empty when Spark would reject the text, or for a negative
   *     size where a negative means nothing ({@link SparkSemantics#negativeSizeMeaningful})
   */
  public Optional<Object> read(String key, String value) {
    Objects.requireNonNull(key, "key");
    String t = Objects.requireNonNull(value, "value").trim();
    try {
      switch (this) {
        case SIZE:
          long bytes = SparkSemantics.sizeBytes(key, t);
          return bytes < 0 && !SparkSemantics.negativeSizeMeaningful(key)
              ? Optional.empty()
              : Optional.of(bytes);
        case TIME:
          return Optional.of(SparkSemantics.timeMillis(key, t));
        case INT:
          return Optional.of(Long.parseLong(t));
        case DOUBLE:
          return Optional.of(Double.parseDouble(t));
        case BOOLEAN:
          return Optional.of(SparkSemantics.flag(key, t));
        default:
          return Optional.of(t);
      }
    } catch (NumberFormatException | DgxSparkException e) {
      return Optional.empty();
    }
  }
}
