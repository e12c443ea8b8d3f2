package io.github.dgxspark.models.perf;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A scaling prediction from both models: the replay of the job's own event log (when there is one)
 * and the Ernest model of the performance history (when it has runs of the workload).
 *
 * @param result the contract numbers (from the replay when there is a log, else from Ernest)
 * @param targetExecutors executors on the target
 * @param replay the replay, when predicted from a log
 * @param ernest Ernest's prediction for the target, when the history has runs of the workload
 * @param replaySpeedup current ÷ target time by the replay, when there is one
 * @param ernestSpeedup current ÷ target time by Ernest, when there is a model
 * @param disagree true when both exist and Ernest's target time lies outside the replay's interval
 * @param reason what was predicted, and where and why the models disagree
 * @param source the methods and data behind it
 */
public record ScalingReport(
    ScalingResult result,
    int targetExecutors,
    Optional<ReplayResult> replay,
    Optional<PerformancePrediction> ernest,
    OptionalDouble replaySpeedup,
    OptionalDouble ernestSpeedup,
    boolean disagree,
    String reason,
    String source) {
  // Checks for nulls.
  public ScalingReport {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(replay, "replay");
    Objects.requireNonNull(ernest, "ernest");
    Objects.requireNonNull(replaySpeedup, "replaySpeedup");
    Objects.requireNonNull(ernestSpeedup, "ernestSpeedup");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
  }
}
