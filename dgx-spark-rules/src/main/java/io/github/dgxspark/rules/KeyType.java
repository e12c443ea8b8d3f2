package io.github.dgxspark.rules;

import java.util.Locale;

/** The type of a Spark config value, as Spark's config registry declares it. */
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
   * @throws RulesException if the name is not a type
   */
  public static KeyType parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (KeyType k : values()) {
      if (k.name().equals(t)) {
        return k;
      }
    }
    throw new RulesException(
        String.format(
            Locale.ROOT,
            "key type '%s' is not known; expected size, time, int, double, boolean, enum, class or string",
            text));
  }
}
