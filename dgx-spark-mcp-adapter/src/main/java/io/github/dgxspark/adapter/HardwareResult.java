package io.github.dgxspark.adapter;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.hardware.HardwareReport;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The answer of {@link Operations#hardware}: {@code {"nodes","clusterManager",
 * "interconnectBytesPerSecond","origin","node":{...},"notes":[...],"report":{...}}}, where {@code
 * report} is the hardware module's full report (per-GPU details, disks, driver), which {@link
 * Operations#readHardware} reads back.
 *
 * @param nodes number of nodes
 * @param clusterManager the cluster manager's id
 * @param interconnectBytesPerSecond the network between nodes
 * @param origin where the figures come from
 * @param node one node
 * @param notes what could not be read or was assumed
 * @param report the full report
 */
public record HardwareResult(
    int nodes,
    String clusterManager,
    long interconnectBytesPerSecond,
    String origin,
    Node node,
    List<String> notes,
    HardwareReport report) {
  // Checks the fields and copies the list.
  public HardwareResult {
    Objects.requireNonNull(clusterManager, "clusterManager");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(report, "report");
    notes = List.copyOf(notes);
  }

  static HardwareResult of(HardwareOptions.Resolved hw) {
    ClusterSpec c = hw.cluster();
    HardwareReport r = hw.report();
    return new HardwareResult(
        c.nodeCount(),
        c.manager().id(),
        c.interconnectBytesPerSecond(),
        r.origin(),
        Node.of(c.node()),
        r.notes(),
        r);
  }

  /**
   * One node as the hardware summary shows it.
   *
   * @param cpuModel the CPU model, empty when not reported
   * @param logicalCores logical cores
   * @param physicalCores physical cores
   * @param sockets CPU sockets
   * @param numaNodes NUMA nodes
   * @param memoryBytes host memory
   * @param unifiedMemory true when CPU and GPU share memory
   * @param gpus the GPUs
   * @param nvlink NVLink between the GPUs
   * @param nics the network ports
   */
  public record Node(
      String cpuModel,
      int logicalCores,
      int physicalCores,
      int sockets,
      int numaNodes,
      long memoryBytes,
      boolean unifiedMemory,
      List<GpuSpec> gpus,
      Nvlink nvlink,
      List<Nic> nics) {
    // Checks the fields and copies the lists.
    public Node {
      Objects.requireNonNull(cpuModel, "cpuModel");
      Objects.requireNonNull(nvlink, "nvlink");
      gpus = List.copyOf(gpus);
      nics = List.copyOf(nics);
    }

    static Node of(NodeSpec n) {
      return new Node(
          n.cpuModel(),
          n.logicalCores(),
          n.physicalCores(),
          n.sockets(),
          n.numaNodes(),
          n.memoryBytes(),
          n.unifiedMemory(),
          n.gpus(),
          new Nvlink(n.nvlinkBytesPerSecond() > 0, n.nvlinkBytesPerSecond()),
          n.nics().stream()
              .map(
                  x ->
                      new Nic(
                          x.name(),
                          x.kind().name().toLowerCase(Locale.ROOT),
                          x.speedBytesPerSecond()))
              .toList());
    }
  }

  /**
   * NVLink of a node.
   *
   * @param present true when the GPUs are linked
   * @param bytesPerSecondPerGpu NVLink bandwidth of one GPU
   */
  public record Nvlink(boolean present, long bytesPerSecondPerGpu) {}

  /**
   * A network port.
   *
   * @param name its name
   * @param kind {@code ethernet}, {@code infiniband} or {@code roce}
   * @param speedBytesPerSecond its rate
   */
  public record Nic(String name, String kind, long speedBytesPerSecond) {
    // Checks the fields.
    public Nic {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
    }
  }
}
