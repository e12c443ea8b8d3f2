package io.github.dgxspark.core;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where size strings are parsed and rendered, exactly as Spark reads them.
 *
 * <p>Spark's rules (org.apache.spark.network.util.JavaUtils#byteStringAs, Spark 3.5–4.1): the text
 * is lower-cased and trimmed; it must be ASCII digits followed by an optional suffix {@code b, k,
 * kb, m, mb, g, gb, t, tb, p, pb} (binary units, so {@code 1k} = 1024 bytes); fractions ({@code
 * 1.5g}), signs and inner spaces are rejected; a bare number is read in the unit of the key being
 * set, which differs between keys, so everything this library emits carries a suffix. The equality
 * with Spark's own parser is checked by a property test against JavaUtils.
 *
 * <pre>{@code
 * long bytes = ByteSizes.parseBytes("4g");   // 4294967296
 * String text = ByteSizes.format(bytes);      // "4g"
 * }</pre>
 */
public final class ByteSizes {
  /** One kibibyte (Spark's {@code k}). */
  public static final long KIB = 1024L;

  /** One mebibyte (Spark's {@code m}). */
  public static final long MIB = 1024L * KIB;

  /** One gibibyte (Spark's {@code g}). */
  public static final long GIB = 1024L * MIB;

  /** One tebibyte (Spark's {@code t}). */
  public static final long TIB = 1024L * GIB;

  /** One pebibyte (Spark's {@code p}). */
  public static final long PIB = 1024L * TIB;

  private static final Pattern INTEGER = Pattern.compile("([0-9]+)([a-z]+)?");
  private static final Pattern FRACTION = Pattern.compile("([0-9]+\\.[0-9]+)([a-z]+)?");
  private static final Map<String, Long> SUFFIXES =
      Map.ofEntries(
          Map.entry("b", 1L),
          Map.entry("k", KIB),
          Map.entry("kb", KIB),
          Map.entry("m", MIB),
          Map.entry("mb", MIB),
          Map.entry("g", GIB),
          Map.entry("gb", GIB),
          Map.entry("t", TIB),
          Map.entry("tb", TIB),
          Map.entry("p", PIB),
          Map.entry("pb", PIB));
  private static final String ACCEPTED =
      "expected whole digits with an optional unit b, k, m, g, t or p (binary; kb, mb, gb, tb, pb also accepted),"
          + " e.g. 512m or 4g";

  private ByteSizes() {}

  /**
   * Parses a size the way Spark's {@code byteStringAsBytes} does: a bare number is bytes.
   *
   * @param text the size, e.g. {@code 512m}
   * @return bytes, 0 or more
   * @throws DgxSparkException if Spark would reject the text (fraction, sign, unknown suffix,
   *     overflow)
   */
  public static long parseBytes(String text) {
    return parse(text, 1L);
  }

  /**
   * Parses a size whose bare numbers are read in the given unit, the way Spark's {@code
   * byteStringAs(text, unit)} does; the result is converted to {@code unitBytes} units with
   * truncation, as Spark does.
   *
   * @param text the size
   * @param unitBytes the unit of bare numbers and of the result: 1, {@link #KIB}, {@link #MIB},
   *     {@link #GIB}, {@link #TIB} or {@link #PIB}
   * @return the size in {@code unitBytes} units, truncated
   * @throws DgxSparkException if Spark would reject the text
   */
  public static long parse(String text, long unitBytes) {
    if (text == null) {
      throw new DgxSparkException("size is missing; " + ACCEPTED);
    }
    if (!SUFFIXES.containsValue(unitBytes)) {
      throw new IllegalArgumentException(
          "unitBytes must be a power of 1024 from 1 to 1024^5, got " + unitBytes);
    }
    String lower = text.toLowerCase(Locale.ROOT).trim();
    Matcher m = INTEGER.matcher(lower);
    if (m.matches()) {
      long value;
      try {
        value = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        throw new DgxSparkException(
            String.format(
                Locale.ROOT, "size '%s' is too large for a 64-bit number; %s", text, ACCEPTED));
      }
      String suffix = m.group(2);
      long from = unitBytes;
      if (suffix != null) {
        Long s = SUFFIXES.get(suffix);
        if (s == null) {
          throw new DgxSparkException(
              String.format(
                  Locale.ROOT, "size '%s' has the unknown unit '%s'; %s", text, suffix, ACCEPTED));
        }
        from = s;
      }
      if (from > unitBytes) {
        long ratio = from / unitBytes;
        if (Long.MAX_VALUE / ratio < value) {
          throw new DgxSparkException(
              String.format(
                  Locale.ROOT,
                  "size '%s' exceeds %d bytes; use a smaller value",
                  text,
                  Long.MAX_VALUE));
        }
        return value * ratio;
      }
      return value / (unitBytes / from);
    }
    if (FRACTION.matcher(lower).matches()) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "size '%s' is fractional, which Spark rejects; use a smaller unit, e.g. 1536m for 1.5g",
              text));
    }
    throw new DgxSparkException(
        String.format(Locale.ROOT, "size '%s' is not a size; %s", text, ACCEPTED));
  }

  /**
   * Renders bytes in the largest Spark unit that divides them exactly, always with a suffix.
   *
   * @param bytes 0 or more
   * @return e.g. {@code 4g}, {@code 1536m}, {@code 100b}
   * @throws DgxSparkException if bytes is negative
   */
  public static String format(long bytes) {
    Checks.nonNegative("size in bytes", bytes);
    if (bytes == 0) {
      return "0b";
    }
    long[] units = {PIB, TIB, GIB, MIB, KIB};
    String[] names = {"p", "t", "g", "m", "k"};
    for (int i = 0; i < units.length; i++) {
      if (bytes % units[i] == 0) {
        return (bytes / units[i]) + names[i];
      }
    }
    return bytes + "b";
  }

  /**
   * Renders bytes for people, with one decimal in binary units.
   *
   * @param bytes 0 or more
   * @return e.g. {@code 31.0 GiB}
   */
  public static String human(long bytes) {
    String[] names = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int i = 0;
    while (Math.abs(v) >= 1024 && i < names.length - 1) {
      v /= 1024;
      i++;
    }
    if (i == 0) {
      return bytes + " B";
    }
    long tenths = Math.round(v * 10);
    return (tenths / 10) + "." + Math.abs(tenths % 10) + " " + names[i];
  }

  /**
   * Rounds down to a whole number of units.
   *
   * @param bytes the size
   * @param unitBytes the unit, e.g. {@link #MIB}
   * @return the largest multiple of {@code unitBytes} not above {@code bytes}
   */
  public static long floorTo(long bytes, long unitBytes) {
    return bytes / unitBytes * unitBytes;
  }
}
