package io.github.dgxspark.models.estimate;

import java.time.Duration;
import java.util.Objects;

/**
 * Predicted execution time with an interval.
 *
 * @param expected the central estimate
 * @param low the interval's low end
 * @param high the interval's high end
 * @param level the interval's intended coverage, e.g. 0.8 for 80 %
 * @param fallback true when no measured throughput applied and generic class priors were used: the
 *     interval is wide on purpose and the estimate is not a measurement
 * @param vague true when the input gave no data size, which widens the interval further
 * @param measuredRuns measured runs of the performance history behind the estimate (0 with a
 *     fallback)
 * @param reason how it was computed
 * @param source where the throughputs come from
 */
public record TimeEstimate(
    Duration expected,
    Duration low,
    Duration high,
    double level,
    boolean fallback,
    boolean vague,
    int measuredRuns,
    String reason,
    String source) {
  // Checks the fields.
  public TimeEstimate {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    if (low.compareTo(expected) > 0 || expected.compareTo(high) > 0) {
      throw new IllegalArgumentException("expected low <= expected <= high");
    }
  }
}
