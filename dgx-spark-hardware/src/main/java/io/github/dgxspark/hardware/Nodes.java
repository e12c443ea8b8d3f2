package io.github.dgxspark.hardware;

import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NodeSpec;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the probe, the pasted-output reader and the profiles. */
final class Nodes {
  private Nodes() {}

  /** A report whose GPU details are only what the node's GPU records say. */
  static HardwareReport report(NodeSpec node, String origin, List<String> notes) {
    List<GpuReport> gpus = new ArrayList<>();
    for (int i = 0; i < node.gpus().size(); i++) {
      GpuSpec g = node.gpus().get(i);
      gpus.add(
          new GpuReport(
              i,
              g.name(),
              "",
              node.unifiedMemory() ? 0 : g.memoryBytes(),
              g.computeCapability(),
              0,
              0,
              0,
              g.nvlinkCount(),
              List.of(),
              "",
              List.of()));
    }
    return new HardwareReport(node, gpus, List.of(), "", "", origin, notes);
  }
}
