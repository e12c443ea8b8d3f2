package io.github.dgxspark.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link Operations#historyList}: {@code {"history","exists","runs":[{"appId",
 * "source","workload","logPath","wallTimeMs","inputBytes","executors","executorCores",
 * "gpusPerExecutor","sparkVersion","machine","recordedAt"?}]}}.
 *
 * @param history the history file
 * @param exists false when the file does not exist (and so has no runs)
 * @param runs its runs, oldest first
 */
public record HistoryResult(String history, boolean exists, List<Run> runs) {
  // Checks the fields and copies the list.
  public HistoryResult {
    Objects.requireNonNull(history, "history");
    runs = List.copyOf(runs);
  }

  /**
   * The answer of {@link Operations#historyAdd}: {@code {"history","added":[...],"skipped":
   * [{"logPath","error"}],"runs"}}, runs as in {@link HistoryResult}.
   *
   * @param history the history file
   * @param added the runs added
   * @param skipped logs that could not be read
   * @param runs how many runs the file holds now
   */
  public record Added(String history, List<Run> added, List<SkippedLog> skipped, int runs) {
    // Checks the fields and copies the lists.
    public Added {
      Objects.requireNonNull(history, "history");
      added = List.copyOf(added);
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * One measured run.
   *
   * @param appId Spark's application id, {@code null} when unknown
   * @param source where it was measured ({@code event log}, {@code dgx-spark harness}, ...)
   * @param workload the workload type
   * @param logPath the event log it was read from, empty when none
   * @param wallTimeMs its wall time, ms
   * @param inputBytes bytes it read
   * @param executors executors it had
   * @param executorCores cores per executor
   * @param gpusPerExecutor GPUs per executor
   * @param sparkVersion the Spark version
   * @param machine the machine it ran on
   * @param recordedAt when it was added to the history (ISO-8601), if known
   */
  public record Run(
      @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> appId,
      String source,
      String workload,
      String logPath,
      long wallTimeMs,
      long inputBytes,
      int executors,
      int executorCores,
      int gpusPerExecutor,
      String sparkVersion,
      String machine,
      Optional<String> recordedAt) {
    // Checks the fields.
    public Run {
      Objects.requireNonNull(appId, "appId");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(logPath, "logPath");
      Objects.requireNonNull(sparkVersion, "sparkVersion");
      Objects.requireNonNull(machine, "machine");
      Objects.requireNonNull(recordedAt, "recordedAt");
    }

    static Run of(PerformanceRun r) {
      return new Run(
          r.applicationId(),
          r.source(),
          r.workload(),
          r.eventLog().orElse(""),
          r.wallTime().toMillis(),
          r.inputBytes(),
          r.executors(),
          r.executorCores(),
          r.gpusPerExecutor(),
          r.sparkVersion(),
          r.machine(),
          r.recordedAt().map(Instant::toString));
    }
  }
}
