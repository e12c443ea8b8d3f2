package io.github.dgxspark.models.perf;

import io.github.dgxspark.models.ModelsException;
import java.util.Locale;

/**
 * A prediction interval of a duration in milliseconds (JSON {@code {"low","high","level"}}, part of
 * the CLI's {@code scale} contract).
 *
 * @param low the interval's low end, ms, 0 or more
 * @param high the interval's high end, ms, at least {@code low}
 * @param level the intended coverage in (0, 1), e.g. 0.8 for 80 %
 */
public record Interval(long low, long high, double level) {
  // Checks the fields.
  public Interval {
    if (low < 0 || high < low) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "interval [%d, %d] ms is not an interval; expected 0 <= low <= high",
              low,
              high));
    }
    if (!(level > 0 && level < 1)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT, "interval level %s is not a coverage; expected 0 < level < 1", level));
    }
  }

  /**
   * Whether a value lies in the interval.
   *
   * @param millis a duration in ms
   * @return true when {@code low <= millis <= high}
   */
  public boolean contains(long millis) {
    return low <= millis && millis <= high;
  }
}
