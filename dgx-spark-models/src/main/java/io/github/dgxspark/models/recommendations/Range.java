package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.models.ModelsException;
import java.util.Locale;

/**
 * A predicted relative change with its interval: {@code -0.20} is 20 % less than the baseline.
 *
 * @param expected the central prediction, as a fraction of the baseline
 * @param low the interval's low end (the most favourable for a time or a cost)
 * @param high the interval's high end
 */
public record Range(double expected, double low, double high) {
  // Checks the order and that every value is finite.
  public Range {
    if (!Double.isFinite(expected)
        || !Double.isFinite(low)
        || !Double.isFinite(high)
        || low > expected
        || expected > high
        || low < -1) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "range %.4f [%.4f, %.4f] is not valid; expected finite -1 <= low <= expected <= high",
              expected,
              low,
              high));
    }
  }
}
