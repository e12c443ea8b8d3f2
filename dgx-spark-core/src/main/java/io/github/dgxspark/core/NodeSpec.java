package io.github.dgxspark.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One machine: CPU, memory, GPUs and network.
 *
 * @param cpuModel the CPU model, or an empty text when the OS does not say (Arm parts often do not)
 * @param logicalCores hardware threads the OS schedules on
 * @param physicalCores physical cores (equal to logical cores without SMT)
 * @param sockets CPU sockets (packages)
 * @param numaNodes NUMA nodes
 * @param memoryBytes system memory the OS reports, in bytes
 * @param gpus the GPUs, possibly none
 * @param unifiedMemory true when the GPU shares the system memory (DGX Spark GB10): GPU memory then
 *     comes out of {@code memoryBytes}
 * @param nvlinkBytesPerSecond NVLink bandwidth per GPU in bytes per second, 0 when the GPUs have no
 *     NVLink
 * @param nics the network ports, possibly none
 */
public record NodeSpec(
    String cpuModel,
    int logicalCores,
    int physicalCores,
    int sockets,
    int numaNodes,
    long memoryBytes,
    List<GpuSpec> gpus,
    boolean unifiedMemory,
    long nvlinkBytesPerSecond,
    List<NicSpec> nics) {

  // Checks the fields and copies the lists.
  public NodeSpec {
    Objects.requireNonNull(cpuModel, "cpuModel");
    Checks.positive("node logicalCores", logicalCores);
    Checks.positive("node physicalCores", physicalCores);
    Checks.positive("node sockets", sockets);
    Checks.positive("node numaNodes", numaNodes);
    Checks.positive("node memoryBytes", memoryBytes);
    Checks.nonNegative("node nvlinkBytesPerSecond", nvlinkBytesPerSecond);
    gpus = List.copyOf(gpus);
    nics = List.copyOf(nics);
    if (physicalCores > logicalCores) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "node physicalCores is %d but logicalCores is %d; expected physical cores not above logical cores",
              physicalCores,
              logicalCores));
    }
    if (unifiedMemory && gpus.isEmpty()) {
      throw new DgxSparkException(
          "node unifiedMemory is true but the node has no GPU; expected unified memory only with a GPU");
    }
  }

  /**
   * A node with CPUs and memory only.
   *
   * @param logicalCores hardware threads
   * @param memoryBytes system memory in bytes
   * @return a single-socket node without GPUs or NICs, physical cores equal to logical cores
   */
  public static NodeSpec cpuOnly(int logicalCores, long memoryBytes) {
    return new NodeSpec(
        "", logicalCores, logicalCores, 1, 1, memoryBytes, List.of(), false, 0, List.of());
  }

  /**
   * Number of GPUs.
   *
   * @return {@code gpus().size()}
   */
  public int gpuCount() {
    return gpus.size();
  }

  /**
   * The smallest GPU memory on the node, which bounds what every GPU executor may use.
   *
   * @return bytes, or 0 when the node has no GPU
   */
  public long minGpuMemoryBytes() {
    return gpus.stream().mapToLong(GpuSpec::memoryBytes).min().orElse(0);
  }

  /**
   * Total rate of the node's InfiniBand and RoCE ports, or of its Ethernet ports when it has no
   * RDMA port.
   *
   * @return bytes per second, 0 when no port speed is known
   */
  public long networkBytesPerSecond() {
    long rdma =
        nics.stream()
            .filter(n -> n.kind() != NicSpec.Kind.ETHERNET)
            .mapToLong(NicSpec::speedBytesPerSecond)
            .sum();
    return rdma > 0 ? rdma : nics.stream().mapToLong(NicSpec::speedBytesPerSecond).sum();
  }
}
