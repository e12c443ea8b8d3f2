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
 */
record FailedRun(RunSpec spec, String reason, String logPath) implements RunAttempt {
  // Checks the fields.
  FailedRun {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(logPath, "logPath");
  }
}
