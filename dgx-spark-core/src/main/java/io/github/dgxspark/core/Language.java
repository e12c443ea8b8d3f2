package io.github.dgxspark.core;

import java.util.Locale;

/**
 * The language of the application's own code: it decides whether Python workers need memory beside
 * the JVM.
 */
public enum Language {
  /** Scala, Java or SQL only: everything runs in the executor JVM. */
  JVM,
  /** PySpark: Python worker processes run beside each executor JVM. */
  PYTHON;

  /**
   * Parses {@code jvm} (also {@code scala}, {@code java}, {@code sql}) or {@code python} ({@code
   * pyspark}).
   *
   * @param text the language name, case-insensitive
   * @return the language
   * @throws DgxSparkException if the name is none of them
   */
  public static Language parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "jvm":
      case "scala":
      case "java":
      case "sql":
        return JVM;
      case "python":
      case "pyspark":
        return PYTHON;
      default:
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "language '%s' is not known; expected jvm (scala, java, sql) or python",
                text));
    }
  }
}
