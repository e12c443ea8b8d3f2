package io.github.dgxspark.models.workload;

import java.util.Objects;

/**
 * Compute intensity: CPU time spent per byte of input.
 *
 * @param cpuNanosPerInputByte the estimate, nanoseconds of executor CPU per input byte
 * @param lowNanosPerInputByte the low end of its range (equal to the estimate when measured)
 * @param highNanosPerInputByte the high end of its range (equal to the estimate when measured)
 * @param measured true when it comes from an event log, false for a class prior
 * @param reason how it was obtained
 * @param source where the numbers come from
 */
public record IntensityResult(
    double cpuNanosPerInputByte,
    double lowNanosPerInputByte,
    double highNanosPerInputByte,
    boolean measured,
    String reason,
    String source) {
  // Checks the fields.
  public IntensityResult {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    if (!(lowNanosPerInputByte >= 0
        && lowNanosPerInputByte <= cpuNanosPerInputByte
        && cpuNanosPerInputByte <= highNanosPerInputByte)) {
      throw new IllegalArgumentException(
          "expected 0 <= low <= estimate <= high nanoseconds per byte, got "
              + lowNanosPerInputByte
              + ", "
              + cpuNanosPerInputByte
              + ", "
              + highNanosPerInputByte);
    }
  }
}
