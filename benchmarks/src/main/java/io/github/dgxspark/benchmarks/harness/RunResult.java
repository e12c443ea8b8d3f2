package io.github.dgxspark.benchmarks.harness;

import java.util.Map;
import java.util.Objects;

/**
 * What one measured run gave.
 *
 * @param spec what was run
 * @param wallTimeMillis the workload's wall time from its first action to its end (session start
 *     and executor registration not included)
 * @param sessionStartMillis time to create the session and get the executors registered
 * @param executors executors that ran tasks (local mode: 1, the driver)
 * @param executorCores task slots per executor
 * @param executorMemoryBytes heap per executor (local mode: the driver's heap)
 * @param inputRows rows the workload generated and read
 * @param figures the workload's named results
 * @param appId Spark's application id
 * @param eventLogPath the finished event log (file, or folder for rolling logs)
 * @param sparkVersion the Spark version that ran it
 */
record RunResult(
    RunSpec spec,
    long wallTimeMillis,
    long sessionStartMillis,
    int executors,
    int executorCores,
    long executorMemoryBytes,
    long inputRows,
    Map<String, Double> figures,
    String appId,
    String eventLogPath,
    String sparkVersion)
    implements RunAttempt {
  // Checks the fields and copies the map.
  RunResult {
    Objects.requireNonNull(spec, "spec");
    figures = Map.copyOf(figures);
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(eventLogPath, "eventLogPath");
    Objects.requireNonNull(sparkVersion, "sparkVersion");
  }
}
