package io.github.dgxspark.core;

/** Where the optimizer put the driver, and so what the worker nodes hold back for it. */
public enum DriverPlacement {
  /** Local mode: the driver JVM runs the tasks itself. */
  IN_PROCESS,
  /** Client deploy mode on two or more nodes: the driver runs on the submitting host. */
  SUBMITTING_HOST,
  /**
   * The driver runs on one worker, in the cores and memory its executors leave over: counted once,
   * at no cost to the executors.
   */
  NODE_LEFTOVER,
  /**
   * The driver runs on a worker and every node holds room for it: one node, or a cluster-mode
   * driver that does not fit in what one node's executors leave over (executors are alike, so each
   * node gives up the same share).
   */
  RESERVED_PER_NODE
}
