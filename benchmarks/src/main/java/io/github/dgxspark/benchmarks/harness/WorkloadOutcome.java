package io.github.dgxspark.benchmarks.harness;

import java.util.Map;
import java.util.Objects;

/**
 * What a workload produced: the rows it processed and a few named figures a test can check.
 *
 * @param inputRows rows generated and read
 * @param figures named results (e.g. {@code accuracy}, {@code rankSum}), in order
 */
record WorkloadOutcome(long inputRows, Map<String, Double> figures) {
  // Checks the fields and copies the map.
  WorkloadOutcome {
    Objects.requireNonNull(figures, "figures");
    figures = Map.copyOf(figures);
  }

  /**
   * One figure.
   *
   * @param name its name
   * @return its value
   * @throws IllegalArgumentException if the workload did not report it
   */
  double figure(String name) {
    Double v = figures.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no figure '" + name + "'; have " + figures.keySet());
    }
    return v;
  }
}
