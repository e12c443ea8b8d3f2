package io.github.dgxspark.models.workload;

import java.util.Objects;

/**
 * How much faster (or slower) a GPU runs the RAPIDS Accelerator's SQL operators than the A100 that
 * NVIDIA's operator factors were measured on: a factor with an interval, from {@code
 * data/models/gpu-operators.json} ({@code gpuGenerations}).
 *
 * @param gpu the generation matched, e.g. {@code H100}, or {@code unknown}
 * @param low low end of the factor (1 = as fast as an A100)
 * @param expected the factor used for the expected time
 * @param high high end of the factor
 * @param basis how the factor was derived, in a sentence
 * @param source the datasheet the bandwidth comes from
 */
public record GpuGeneration(
    String gpu, double low, double expected, double high, String basis, String source) {
  // Checks the fields.
  public GpuGeneration {
    Objects.requireNonNull(gpu, "gpu");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(source, "source");
    if (!(low > 0 && low <= expected && expected <= high)) {
      throw new IllegalArgumentException(
          "expected 0 < low <= expected <= high, got " + low + ", " + expected + ", " + high);
    }
  }
}
