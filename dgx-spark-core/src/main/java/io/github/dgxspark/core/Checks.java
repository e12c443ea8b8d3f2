package io.github.dgxspark.core;

import java.util.Locale;

/**
 * Argument checks shared by the core records; each failure names the field, the value and what is
 * accepted.
 */
final class Checks {
  private Checks() {}

  static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new DgxSparkException(
          String.format(Locale.ROOT, "%s is %d; expected a value of 0 or more", field, value));
    }
    return value;
  }

  static long positive(String field, long value) {
    if (value <= 0) {
      throw new DgxSparkException(
          String.format(Locale.ROOT, "%s is %d; expected a value of 1 or more", field, value));
    }
    return value;
  }

  static int positive(String field, int value) {
    if (value <= 0) {
      throw new DgxSparkException(
          String.format(Locale.ROOT, "%s is %d; expected a value of 1 or more", field, value));
    }
    return value;
  }

  static int nonNegative(String field, int value) {
    if (value < 0) {
      throw new DgxSparkException(
          String.format(Locale.ROOT, "%s is %d; expected a value of 0 or more", field, value));
    }
    return value;
  }

  static String nonBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new DgxSparkException(
          String.format(Locale.ROOT, "%s is empty; expected a non-empty text", field));
    }
    return value;
  }
}
