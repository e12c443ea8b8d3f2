package io.github.dgxspark.models.perf;

import java.time.Duration;
import java.util.Objects;

/**
 * The wall time of a recorded application replayed on another cluster layout.
 *
 * @param spec the layout replayed on
 * @param taskSlots task slots of that layout (executors × slots per executor)
 * @param observed the application's observed wall time
 * @param predicted the replayed wall time on {@code spec}
 * @param interval an 80 % interval around {@code predicted}, ms: a bootstrap over the recorded task
 *     times, widened by this log's own reproduction error
 * @param driverTime time with no task running (the driver's own work, scheduling gaps), kept as
 *     observed
 * @param reproductionErrorFraction (replayed − observed) ÷ observed when the log is replayed on the
 *     executors it really had: how well the replay reproduces this log
 * @param stages stage attempts replayed
 * @param tasks tasks replayed
 * @param reason how it was computed
 */
public record ReplayResult(
    ReplaySpec spec,
    int taskSlots,
    Duration observed,
    Duration predicted,
    Interval interval,
    Duration driverTime,
    double reproductionErrorFraction,
    int stages,
    long tasks,
    String reason) {
  // Checks for nulls.
  public ReplayResult {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(driverTime, "driverTime");
    Objects.requireNonNull(reason, "reason");
  }
}
