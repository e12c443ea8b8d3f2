package io.github.dgxspark.rules;

import java.util.Locale;

/** How much a finding matters. Declared from the most to the least severe. */
public enum Severity {
  /** Spark rejects the config, hangs, or the job cannot run on the hardware as configured. */
  ERROR,
  /** The job runs, but slower, less safely or less reliably than it should; fix it. */
  WARNING,
  /** A hint: worth knowing, often a deliberate choice. */
  INFO;

  /**
   * Parses {@code error}, {@code warning} or {@code info} (case-insensitive).
   *
   * @param text the name
   * @return the severity
   * @throws RulesException if the text is none of them
   */
  public static Severity parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (Severity s : values()) {
      if (s.name().equals(t)) {
        return s;
      }
    }
    throw new RulesException(
        String.format(
            Locale.ROOT, "severity '%s' is not known; expected error, warning or info", text));
  }

  /**
   * The lower-case id used in JSON and on the command line.
   *
   * @return e.g. {@code warning}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
