package io.github.dgxspark.adapter;

import io.github.dgxspark.core.ClusterSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * The hardware a result is for, in short: {@code {"origin","nodes","clusterManager",
 * "logicalCoresPerNode","memoryBytesPerNode","gpusPerNode","gpuName"?}}.
 *
 * @param origin where the figures come from ({@code profile:NAME}, {@code nvidia-smi}, ...)
 * @param nodes number of nodes
 * @param clusterManager the cluster manager's id
 * @param logicalCoresPerNode logical cores of one node
 * @param memoryBytesPerNode memory of one node
 * @param gpusPerNode GPUs of one node
 * @param gpuName the first GPU's name, absent without a GPU
 */
public record ClusterSummary(
    String origin,
    int nodes,
    String clusterManager,
    int logicalCoresPerNode,
    long memoryBytesPerNode,
    int gpusPerNode,
    Optional<String> gpuName) {
  // Checks the fields.
  public ClusterSummary {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(clusterManager, "clusterManager");
    Objects.requireNonNull(gpuName, "gpuName");
  }

  static ClusterSummary of(HardwareOptions.Resolved hw) {
    ClusterSpec c = hw.cluster();
    return new ClusterSummary(
        hw.report().origin(),
        c.nodeCount(),
        c.manager().id(),
        c.node().logicalCores(),
        c.node().memoryBytes(),
        c.node().gpuCount(),
        c.node().gpuCount() > 0 ? Optional.of(c.node().gpus().get(0).name()) : Optional.empty());
  }
}
