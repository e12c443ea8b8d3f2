package io.github.dgxspark.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where time strings are parsed and rendered, exactly as Spark reads them.
 *
 * <p>Spark's rules (org.apache.spark.network.util.JavaUtils#timeStringAs, Spark 3.5–4.2):
 * lower-cased and trimmed; an optional minus sign, ASCII digits, and an optional suffix {@code us,
 * ms, s, m, min, h, d} ({@code m} is minutes here, not mebibytes); a bare number is read in the
 * key's own unit; conversions truncate and saturate.
 */
public final class SparkDurations {
  private static final Pattern TIME = Pattern.compile("(-?[0-9]+)([a-z]+)?");
  private static final Map<String, TimeUnit> SUFFIXES =
      Map.of(
          "us", TimeUnit.MICROSECONDS,
          "ms", TimeUnit.MILLISECONDS,
          "s", TimeUnit.SECONDS,
          "m", TimeUnit.MINUTES,
          "min", TimeUnit.MINUTES,
          "h", TimeUnit.HOURS,
          "d", TimeUnit.DAYS);
  private static final String ACCEPTED =
      "expected whole digits with an optional unit us, ms, s, m or min (minutes), h or d, e.g. 120s or 3min";

  private SparkDurations() {}

  /**
   * Parses a time the way Spark's {@code timeStringAsMs} does: a bare number is milliseconds.
   *
   * @param text the time, e.g. {@code 120s}
   * @return milliseconds (negative values are accepted, as Spark accepts them)
   * @throws DgxSparkException if Spark would reject the text
   */
  public static long parseMillis(String text) {
    return parse(text, TimeUnit.MILLISECONDS);
  }

  /**
   * Parses a time whose bare numbers are read in {@code unit}, converted to {@code unit} as Spark
   * does.
   *
   * @param text the time
   * @param unit the unit of bare numbers and of the result
   * @return the time in {@code unit}, truncated and saturated as {@link TimeUnit#convert} does
   * @throws DgxSparkException if Spark would reject the text
   */
  public static long parse(String text, TimeUnit unit) {
    if (text == null) {
      throw new DgxSparkException("time is missing; " + ACCEPTED);
    }
    String lower = text.toLowerCase(Locale.ROOT).trim();
    Matcher m = TIME.matcher(lower);
    if (!m.matches()) {
      throw new DgxSparkException(
          String.format(Locale.ROOT, "time '%s' is not a time; %s", text, ACCEPTED));
    }
    long value;
    try {
      value = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT, "time '%s' is too large for a 64-bit number; %s", text, ACCEPTED));
    }
    String suffix = m.group(2);
    TimeUnit from = unit;
    if (suffix != null) {
      from = SUFFIXES.get(suffix);
      if (from == null) {
        throw new DgxSparkException(
            String.format(
                Locale.ROOT, "time '%s' has the unknown unit '%s'; %s", text, suffix, ACCEPTED));
      }
    }
    return unit.convert(value, from);
  }

  /**
   * Renders a duration with a suffix Spark accepts: seconds when whole, otherwise milliseconds.
   *
   * @param duration the duration (sub-millisecond parts are dropped)
   * @return e.g. {@code 120s} or {@code 1500ms}
   */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}
