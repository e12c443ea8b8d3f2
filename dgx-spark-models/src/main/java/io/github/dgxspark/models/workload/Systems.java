package io.github.dgxspark.models.workload;

import io.github.dgxspark.core.DgxFacts;
import io.github.dgxspark.core.NodeSpec;

/** Local-disk read bandwidth of DGX nodes, from core's {@link DgxFacts}. */
final class Systems {
  /** A node's disk bandwidth and where the figure comes from. */
  record Disk(long readBytesPerSecond, String basis) {}

  private Systems() {}

  /**
   * The local NVMe read bandwidth of a node: the matching DGX system's, else the fallback.
   *
   * @param node the node
   * @return bytes per second and its basis
   */
  static Disk disk(NodeSpec node) {
    return DgxFacts.system(node)
        .filter(s -> s.diskReadBytesPerSecond().isPresent())
        .map(
            s -> new Disk(s.diskReadBytesPerSecond().getAsLong(), s.name() + ": " + s.diskSource()))
        .orElseGet(
            () ->
                new Disk(DgxFacts.fallbackDiskReadBytesPerSecond(), DgxFacts.fallbackDiskBasis()));
  }
}
