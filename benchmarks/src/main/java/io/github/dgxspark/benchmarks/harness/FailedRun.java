package io.github.dgxspark.benchmarks.harness;

import java.util.Objects;

/**
 * A run that did not finish: its JVM exited with an error (a Spark default heap running out of
 * memory is the usual case) or it ran past the harness's time limit. The harness reports it and
 * goes on; it is not appended to the performance history, which holds measured times only.
 *
 * @param spec the run
 * @param reason what went wrong, e.g. {@code java.lang.OutOfMemoryError: Java heap space}
 * @param logPath the run's log
 * @param limitMillis the time limit it ran past, 0 if it failed rather than ran out of time
 */
record FailedRun(RunSpec spec, String reason, String logPath, long limitMillis)
    implements RunAttempt {
  // Checks the fields.
  FailedRun {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(logPath, "logPath");
  }

  /**
   * Whether the run was stopped at the time limit (rather than failing on its own).
   *
   * @return true if it timed out
   */
  boolean timedOut() {
    return limitMillis > 0;
  }
}
