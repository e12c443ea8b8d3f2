package io.github.dgxspark.adapter;

import io.github.dgxspark.models.perf.ErnestModel;
import io.github.dgxspark.models.perf.Interval;
import io.github.dgxspark.models.perf.PerformancePrediction;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Ernest model's prediction as the results show it: {@code {"workloadType","cores","size",
 * "expectedMs"?,"interval":{"low","high","level"}?,"thinData","runsUsed","model"?,"reason",
 * "source"}}.
 *
 * @param workloadType the workload type the model is for
 * @param cores cores the prediction is for (executors x cores)
 * @param size the size it is evaluated at (bytes, or the harness's scale factor)
 * @param expectedMs predicted wall time, absent without a model
 * @param interval bootstrap prediction interval, ms
 * @param thinData true when the model rests on too few runs
 * @param runsUsed measured runs behind it
 * @param model the fitted model
 * @param reason how it was computed, or why nothing could be
 * @param source the method and data
 */
public record ErnestPrediction(
    String workloadType,
    int cores,
    double size,
    OptionalLong expectedMs,
    Optional<Interval> interval,
    boolean thinData,
    int runsUsed,
    Optional<ErnestModel> model,
    String reason,
    String source) {
  // Checks the fields.
  public ErnestPrediction {
    Objects.requireNonNull(workloadType, "workloadType");
    Objects.requireNonNull(expectedMs, "expectedMs");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
  }

  static ErnestPrediction of(PerformancePrediction p) {
    return new ErnestPrediction(
        p.workload(),
        p.machines(),
        p.size(),
        p.expected().map(Duration::toMillis).map(OptionalLong::of).orElse(OptionalLong.empty()),
        p.interval(),
        p.thinData(),
        p.runsUsed(),
        p.model(),
        p.reason(),
        p.source());
  }
}
