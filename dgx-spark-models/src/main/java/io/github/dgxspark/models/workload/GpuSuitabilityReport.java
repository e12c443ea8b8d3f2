package io.github.dgxspark.models.workload;

import java.util.List;
import java.util.Objects;

/**
 * How much of a job the RAPIDS Accelerator could run on GPUs, and what that may gain.
 *
 * @param supportedTimeFraction share of task time in operators the RAPIDS Accelerator runs on the
 *     GPU, in [0, 1]
 * @param speedupLow low end of the expected whole-job speed-up (1 = none)
 * @param speedupHigh high end of the expected whole-job speed-up
 * @param category the Qualification tool's category for the middle of the range: {@code Not
 *     recommended} (below 1.3x or more than 25 % of time unsupported), {@code Small} (1.3-2x),
 *     {@code Medium} (2-3x) or {@code Large} (3x and above)
 * @param unsupportedOperators operators that stay on the CPU, sorted
 * @param alreadyOnGpu true when the log shows the job already ran with GPU operators
 * @param measured true when it comes from an event log's operators and task times
 * @param reason how it was computed
 * @param source the supported-operator list and speed-up factors used
 */
public record GpuSuitabilityReport(
    double supportedTimeFraction,
    double speedupLow,
    double speedupHigh,
    String category,
    List<String> unsupportedOperators,
    boolean alreadyOnGpu,
    boolean measured,
    String reason,
    String source) {
  // Checks the fields and copies the list.
  public GpuSuitabilityReport {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    unsupportedOperators = List.copyOf(unsupportedOperators);
    if (!(supportedTimeFraction >= 0 && supportedTimeFraction <= 1)) {
      throw new IllegalArgumentException(
          "supportedTimeFraction must be in [0, 1]: " + supportedTimeFraction);
    }
    if (!(speedupLow > 0 && speedupLow <= speedupHigh)) {
      throw new IllegalArgumentException(
          "expected 0 < speedupLow <= speedupHigh, got " + speedupLow + ", " + speedupHigh);
    }
  }
}
