package io.github.dgxspark.models.perf;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A predicted run time from the performance history's Ernest model.
 *
 * @param workload the workload type id
 * @param machines the cores the prediction is for (executors × cores per executor)
 * @param size the job's size in the model's {@link ErnestModel#sizeBasis()} units
 * @param expected the predicted wall time; absent when the history has no run of the workload
 * @param interval a bootstrap prediction interval, ms; absent with the prediction
 * @param thinData true when the model rests on too few runs (under 5, or under 3 distinct core
 *     counts): the number is indicative only
 * @param runsUsed measured runs behind it
 * @param model the fitted model, when there was one
 * @param reason how it was computed, or why nothing could be
 * @param source where the numbers come from
 */
public record PerformancePrediction(
    String workload,
    int machines,
    double size,
    Optional<Duration> expected,
    Optional<Interval> interval,
    boolean thinData,
    int runsUsed,
    Optional<ErnestModel> model,
    String reason,
    String source) {
  // Checks for nulls.
  public PerformancePrediction {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
  }
}
