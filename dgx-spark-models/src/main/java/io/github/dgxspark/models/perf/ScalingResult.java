package io.github.dgxspark.models.perf;

import java.util.Objects;

/**
 * The CLI's {@code scale LOG --executors N --format json} contract, field for field: {@code
 * {"observedExecutors","observedDurationMs","predictedDurationMs","interval":{"low","high","level"}}}.
 *
 * @param observedExecutors executors now (the most alive at once in the log)
 * @param observedDurationMs wall time now, ms: measured for a log, Ernest's prediction without one
 * @param predictedDurationMs predicted wall time on the target, ms
 * @param interval the prediction interval, ms
 */
public record ScalingResult(
    int observedExecutors, long observedDurationMs, long predictedDurationMs, Interval interval) {
  // Checks for nulls.
  public ScalingResult {
    Objects.requireNonNull(interval, "interval");
  }
}
