package io.github.dgxspark.adapter;

import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.perf.Interval;
import io.github.dgxspark.models.perf.ReplayResult;
import io.github.dgxspark.models.perf.ReplaySpec;
import io.github.dgxspark.models.perf.ScalingReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer of {@link Operations#scale}: {@code {"observedExecutors","observedDurationMs",
 * "predictedDurationMs","interval":{"low","high","level"},"targetExecutors","replaySpeedup"?,
 * "ernestSpeedup"?,"disagree","replay":{...}?,"ernest":{...}?,"reason","source","complete",
 * "missingChunks":[...],"logWarnings"?:[...]}}; the first four are the CLI's {@code scale}
 * contract.
 *
 * @param observedExecutors executors now (most alive at once)
 * @param observedDurationMs wall time now
 * @param predictedDurationMs predicted wall time on the target
 * @param interval prediction interval of {@code predictedDurationMs}, ms
 * @param targetExecutors executors on the target
 * @param replaySpeedup observed ÷ replayed wall time, when the log could be replayed
 * @param ernestSpeedup the same by the Ernest model, when the history has runs of the type
 * @param disagree true when Ernest lies outside the replay's interval
 * @param replay the replay of the log on the target
 * @param ernest the Ernest model's prediction on the target
 * @param reason what was predicted and where the models disagree
 * @param source the methods
 * @param complete false when the log (and so the prediction) covers part of the application
 * @param missingChunks indices of rolling parts missing from the log folder
 * @param logWarnings what of the log could not be read, when something could not
 */
public record ScaleResult(
    int observedExecutors,
    long observedDurationMs,
    long predictedDurationMs,
    Interval interval,
    int targetExecutors,
    OptionalDouble replaySpeedup,
    OptionalDouble ernestSpeedup,
    boolean disagree,
    Optional<Replay> replay,
    Optional<ErnestPrediction> ernest,
    String reason,
    String source,
    boolean complete,
    List<Long> missingChunks,
    Optional<List<String>> logWarnings) {
  // Checks the fields and copies the list.
  public ScaleResult {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(replaySpeedup, "replaySpeedup");
    Objects.requireNonNull(ernestSpeedup, "ernestSpeedup");
    Objects.requireNonNull(replay, "replay");
    Objects.requireNonNull(ernest, "ernest");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    missingChunks = List.copyOf(missingChunks);
    Objects.requireNonNull(logWarnings, "logWarnings");
  }

  static ScaleResult of(ScalingReport r, ApplicationProfile p, Optional<List<String>> logWarnings) {
    return new ScaleResult(
        r.result().observedExecutors(),
        r.result().observedDurationMs(),
        r.result().predictedDurationMs(),
        r.result().interval(),
        r.targetExecutors(),
        r.replaySpeedup(),
        r.ernestSpeedup(),
        r.disagree(),
        r.replay().map(Replay::of),
        r.ernest().map(ErnestPrediction::of),
        r.reason(),
        r.source(),
        p.complete(),
        p.parseStats().missingChunks(),
        logWarnings);
  }

  /**
   * The replay of the log's tasks on the target layout.
   *
   * @param spec the target layout
   * @param taskSlots task slots on the target
   * @param observedMs the log's wall time
   * @param predictedMs the replayed wall time
   * @param interval prediction interval of {@code predictedMs}, ms
   * @param driverTimeMs time with no task running, kept as driver time
   * @param reproductionErrorFraction how far the replay on the observed layout is from the log
   * @param stages stage attempts replayed
   * @param tasks tasks replayed
   * @param reason what was replayed
   */
  public record Replay(
      ReplaySpec spec,
      int taskSlots,
      long observedMs,
      long predictedMs,
      Interval interval,
      long driverTimeMs,
      double reproductionErrorFraction,
      int stages,
      long tasks,
      String reason) {
    // Checks the fields.
    public Replay {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(reason, "reason");
    }

    static Replay of(ReplayResult r) {
      return new Replay(
          r.spec(),
          r.taskSlots(),
          r.observed().toMillis(),
          r.predicted().toMillis(),
          r.interval(),
          r.driverTime().toMillis(),
          r.reproductionErrorFraction(),
          r.stages(),
          r.tasks(),
          r.reason());
    }
  }
}
