package io.github.dgxspark.models.workload;

import io.github.dgxspark.core.SparkConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether one Spark application should move to the GPUs of a target, from its CPU event log: the
 * predicted GPU wall time and speed-up with intervals, the category, the supported share of task
 * time, the unsupported operators, the per-SQL breakdown, the config to run it with and the
 * reasons.
 *
 * @param applicationId Spark's application id, absent when the log has none
 * @param applicationName the application name, absent when the log has none
 * @param cpuWallTimeMs the application's measured wall time, ms
 * @param predictedGpuWallTimeMs the predicted wall time on the target's GPUs, ms
 * @param speedup cpu wall time / predicted GPU wall time (expected, and the interval's ends from
 *     the other end of the time interval)
 * @param recommended true when the category is Small, Medium or Large
 * @param category {@code Not recommended}, {@code Small} (1.3-2x), {@code Medium} (2-3x), {@code
 *     Large} (3x and above) or {@code Already on GPU}
 * @param supportedTimeFraction share of task time in operators the RAPIDS Accelerator runs, [0, 1]
 * @param unsupportedOperators operators that stay on the CPU with their share of all task time,
 *     largest first
 * @param sqls the SQL executions with the most task time (at most {@value Qualification#MAX_SQLS}),
 *     largest first
 * @param gpu the GPU generation the factors were scaled for
 * @param config the Spark config to run it with on the target (the optimizer's, GPU mode)
 * @param reasons how the prediction was made and what decides it, each a sentence
 */
public record QualificationReport(
    Optional<String> applicationId,
    Optional<String> applicationName,
    long cpuWallTimeMs,
    Range predictedGpuWallTimeMs,
    Range speedup,
    boolean recommended,
    String category,
    double supportedTimeFraction,
    List<OperatorShare> unsupportedOperators,
    List<SqlBreakdown> sqls,
    GpuGeneration gpu,
    SparkConfig config,
    List<String> reasons) {

  // Checks the fields and copies the lists.
  public QualificationReport {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(applicationName, "applicationName");
    Objects.requireNonNull(predictedGpuWallTimeMs, "predictedGpuWallTimeMs");
    Objects.requireNonNull(speedup, "speedup");
    Objects.requireNonNull(category, "category");
    unsupportedOperators = List.copyOf(unsupportedOperators);
    sqls = List.copyOf(sqls);
    Objects.requireNonNull(gpu, "gpu");
    Objects.requireNonNull(config, "config");
    reasons = List.copyOf(reasons);
  }

  /**
   * A value with an interval.
   *
   * @param expected the expected value
   * @param low the low end
   * @param high the high end
   */
  public record Range(double expected, double low, double high) {
    // Checks the order.
    public Range {
      if (!(low <= expected && expected <= high)) {
        throw new IllegalArgumentException(
            "expected low <= expected <= high, got " + low + ", " + expected + ", " + high);
      }
    }
  }

  /**
   * An unsupported operator and its share of the application's task time.
   *
   * @param name the plan node name, e.g. {@code BatchEvalPython}
   * @param timeShare its share of all task time, [0, 1]
   */
  public record OperatorShare(String name, double timeShare) {
    // Checks the name.
    public OperatorShare {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * One SQL execution's part in the prediction.
   *
   * @param id the execution id
   * @param description its description, cut to 120 characters
   * @param taskTimeMs task time of its stages, ms
   * @param wallTimeMs its stages' wall time on the CPU (submission to completion, summed), ms
   * @param predictedGpuWallTimeMs the same on the GPU (expected), ms
   * @param supportedFraction supported plan nodes / all plan nodes
   * @param unsupported unsupported node name → count
   */
  public record SqlBreakdown(
      long id,
      String description,
      long taskTimeMs,
      long wallTimeMs,
      long predictedGpuWallTimeMs,
      double supportedFraction,
      Map<String, Integer> unsupported) {
    // Checks the fields and copies the map.
    public SqlBreakdown {
      Objects.requireNonNull(description, "description");
      unsupported = Map.copyOf(unsupported);
    }
  }
}
