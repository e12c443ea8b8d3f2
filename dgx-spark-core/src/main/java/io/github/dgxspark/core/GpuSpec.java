package io.github.dgxspark.core;

import java.util.Locale;
import java.util.Objects;

/**
 * One GPU of a node.
 *
 * @param name the model as {@code nvidia-smi} prints it, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param memoryBytes the GPU's own memory in bytes; on a unified-memory part (GB10) the memory it
 *     shares with the CPU
 * @param computeCapability the CUDA compute capability, e.g. {@code 9.0}; empty when unknown
 * @param nvlinkCount NVLink links from this GPU to the other GPUs of the node (0 when none or
 *     unknown)
 */
public record GpuSpec(String name, long memoryBytes, String computeCapability, int nvlinkCount) {
  // Checks the fields.
  public GpuSpec {
    Checks.nonBlank("GPU name", name);
    Checks.positive("GPU memoryBytes of '" + name + "'", memoryBytes);
    Objects.requireNonNull(computeCapability, "computeCapability");
    Checks.nonNegative("GPU nvlinkCount", nvlinkCount);
    if (!computeCapability.isEmpty() && !computeCapability.matches("\\d+\\.\\d+")) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "GPU compute capability '%s' is not valid; expected MAJOR.MINOR such as 9.0 or an empty text",
              computeCapability));
    }
  }
}
