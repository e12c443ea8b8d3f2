package io.github.dgxspark.core;

import java.util.Locale;
import java.util.Objects;

/**
 * N identical nodes, the network between them and the cluster manager that runs Spark on them.
 *
 * @param node the node every member of the cluster is
 * @param nodeCount how many nodes, 1 or more
 * @param interconnectBytesPerSecond network bandwidth per node between nodes in bytes per second
 *     (e.g. 8 × 400 Gb/s InfiniBand NDR per DGX H100 = 400,000,000,000 B/s); 0 when unknown or for
 *     one node
 * @param manager the cluster manager
 */
public record ClusterSpec(
    NodeSpec node, int nodeCount, long interconnectBytesPerSecond, ClusterManager manager) {
  // Checks the fields.
  public ClusterSpec {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(manager, "manager");
    if (nodeCount < 1) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT, "cluster nodeCount is %d; expected 1 or more nodes", nodeCount));
    }
    Checks.nonNegative("cluster interconnectBytesPerSecond", interconnectBytesPerSecond);
    if (manager == ClusterManager.LOCAL && nodeCount > 1) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "cluster manager local runs on one node but nodeCount is %d; expected standalone, yarn or kubernetes"
                  + " for more than one node",
              nodeCount));
    }
  }

  /**
   * One node under the given manager, its interconnect taken from its own NICs.
   *
   * @param node the node
   * @param manager the cluster manager
   * @return a one-node cluster
   */
  public static ClusterSpec single(NodeSpec node, ClusterManager manager) {
    return new ClusterSpec(node, 1, node.networkBytesPerSecond(), manager);
  }

  /**
   * N nodes under the given manager, the interconnect taken from the node's NICs.
   *
   * @param node the node
   * @param nodeCount how many
   * @param manager the cluster manager
   * @return the cluster
   */
  public static ClusterSpec of(NodeSpec node, int nodeCount, ClusterManager manager) {
    return new ClusterSpec(node, nodeCount, node.networkBytesPerSecond(), manager);
  }

  /**
   * GPUs in the whole cluster.
   *
   * @return GPUs per node × nodes
   */
  public int totalGpus() {
    return node.gpuCount() * nodeCount;
  }
}
