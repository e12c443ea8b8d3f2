package io.github.dgxspark.hardware;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.DgxSparkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Line and number helpers shared by the parsers; every failure names the line. */
final class Text {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,12})?");

  private Text() {}

  /** Splits text into lines, dropping ANSI escape codes and carriage returns. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      out.add(clean(line));
    }
    return out;
  }

  /** Drops ANSI escapes (as {@code topo -m} prints around its header on a terminal) and CRs. */
  static String clean(String line) {
    return ANSI.matcher(line).replaceAll("").replace("\r", "");
  }

  /** True for a missing value: {@code [N/A]}, {@code N/A}, {@code [Not Supported]} and the like. */
  static boolean absent(String value) {
    String v = value.trim();
    return v.isEmpty()
        || v.startsWith("[")
        || v.equalsIgnoreCase("N/A")
        || v.equalsIgnoreCase("Not Supported")
        || v.equalsIgnoreCase("Unknown Error");
  }

  /** A MiB count as bytes. */
  static long mebibytes(String digits, String what, int lineNumber, String line) {
    if (!DIGITS.matcher(digits).matches()) {
      throw bad(what, digits, "a whole number of MiB", lineNumber, line);
    }
    try {
      return ByteSizes.parseBytes(digits + "m");
    } catch (DgxSparkException e) {
      throw bad(what, digits, "a whole number of MiB", lineNumber, line);
    }
  }

  /** A small whole number. */
  static int integer(String digits, String what, int lineNumber, String line) {
    if (!DIGITS.matcher(digits).matches() || digits.length() > 9) {
      throw bad(what, digits, "a whole number", lineNumber, line);
    }
    return Integer.parseInt(digits);
  }

  /** A decimal number such as {@code 700.00} or {@code 26.562}. */
  static double decimal(String text, String what, int lineNumber, String line) {
    if (!DECIMAL.matcher(text).matches()) {
      throw bad(what, text, "a decimal number", lineNumber, line);
    }
    return Double.parseDouble(text);
  }

  static HardwareException bad(
      String what, String value, String expected, int lineNumber, String line) {
    return new HardwareException(
        String.format(
            Locale.ROOT,
            "%s '%s' on line %d ('%s') is not valid; expected %s",
            what,
            value,
            lineNumber,
            shorten(line),
            expected));
  }

  /** A line as quoted in messages: trimmed, at most 120 characters. */
  static String shorten(String line) {
    String t = line.strip();
    return t.length() <= 120 ? t : t.substring(0, 117) + "...";
  }
}
