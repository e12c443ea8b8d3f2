package io.github.dgxspark.hardware;

import java.util.List;
import java.util.Objects;

/**
 * What was read about one GPU, beyond the {@link io.github.dgxspark.core.GpuSpec} that the
 * optimizer uses. Unknown texts are empty and unknown numbers are 0, so the record round-trips
 * through JSON unchanged.
 *
 * @param index the GPU index as {@code nvidia-smi} numbers it
 * @param name the model, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param busId the PCI bus id, e.g. {@code 00000000:61:00.0}, or empty
 * @param memoryBytes the GPU's own memory in bytes as reported; 0 when {@code nvidia-smi} does not
 *     report it ({@code [N/A]} / {@code Not Supported} on a unified-memory GB10)
 * @param computeCapability CUDA compute capability such as {@code 9.0}, or empty
 * @param powerLimitWatts the enforced power limit in watts, 0 when not reported
 * @param pcieGeneration the current PCIe link generation, 0 when not reported
 * @param pcieLinkWidth the current PCIe link width in lanes, 0 when not reported
 * @param nvlinkCount active NVLink links of this GPU, 0 when none or unknown
 * @param nearestNics NICs one PCIe switch away ({@code PIX}/{@code PXB} in {@code topo -m})
 * @param cpuAffinity the CPU list from {@code topo -m} such as {@code 0-103}, or empty
 * @param migMemoryBytes the memory of each MIG device in bytes; empty when MIG is off or unknown
 */
public record GpuReport(
    int index,
    String name,
    String busId,
    long memoryBytes,
    String computeCapability,
    double powerLimitWatts,
    int pcieGeneration,
    int pcieLinkWidth,
    int nvlinkCount,
    List<String> nearestNics,
    String cpuAffinity,
    List<Long> migMemoryBytes) {

  // Checks the fields and copies the lists.
  public GpuReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(busId, "busId");
    Objects.requireNonNull(computeCapability, "computeCapability");
    Objects.requireNonNull(cpuAffinity, "cpuAffinity");
    nearestNics = List.copyOf(nearestNics);
    migMemoryBytes = List.copyOf(migMemoryBytes);
    if (index < 0 || memoryBytes < 0 || powerLimitWatts < 0 || pcieGeneration < 0) {
      throw new HardwareException(
          "GPU report for '"
              + name
              + "' has a negative index, memory, power or PCIe figure; expected 0 or more");
    }
    if (pcieLinkWidth < 0 || nvlinkCount < 0) {
      throw new HardwareException(
          "GPU report for '" + name + "' has a negative link count; expected 0 or more");
    }
  }
}
