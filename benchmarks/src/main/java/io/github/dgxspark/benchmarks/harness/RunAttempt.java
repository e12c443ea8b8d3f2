package io.github.dgxspark.benchmarks.harness;

/** What became of one run: a {@link RunResult} when it finished, a {@link FailedRun} when not. */
sealed interface RunAttempt permits RunResult, FailedRun {
  /**
   * The run that was attempted.
   *
   * @return its spec
   */
  RunSpec spec();
}
