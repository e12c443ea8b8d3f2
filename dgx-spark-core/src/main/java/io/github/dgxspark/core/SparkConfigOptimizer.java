package io.github.dgxspark.core;

import java.util.Objects;

/**
 * The config optimizer: a cluster and a workload in, a complete Spark config out, every value with
 * its reason.
 *
 * <pre>{@code
 * NodeSpec node = ...; // from HardwareProfiles.named("dgx-h100") or HardwareProbe.local()
 * OptimizationResult r = SparkConfigOptimizer.optimize(
 *     ClusterSpec.of(node, 4, ClusterManager.STANDALONE),
 *     WorkloadSpec.of(WorkloadType.ETL, 2 * ByteSizes.TIB, ExecutionMode.GPU));
 * String conf = r.config().toDefaultsConf(r.reasons());
 * }</pre>
 *
 * <p>What it guarantees (checked by property tests): the executors of a node never ask for more
 * memory (heap + overhead + off-heap + PySpark, the pinned pool and spill store inside the
 * overhead) or cores than the node has after the OS reserve and, where it runs on the node, the
 * driver; every core and byte of a node is accounted for in the layout and the notes; in client
 * deploy mode on two or more nodes the workers hold nothing for the driver; in GPU mode there is
 * one executor per GPU, the task GPU amount lets every executor core run a task, the RAPIDS shuffle
 * mode always comes with the target Spark version's shuffle manager and Kryo with
 * GpuKryoRegistrator; more input never lowers the partition count; every size and time it emits
 * parses with Spark's own parser.
 */
public final class SparkConfigOptimizer {
  private SparkConfigOptimizer() {}

  /**
   * Computes a complete Spark config for running the workload on the cluster.
   *
   * @param cluster the hardware and cluster manager
   * @param workload what the job does and whether it should use GPUs
   * @return the config, the layout behind it, and notes
   * @throws DgxSparkException if the request cannot be met: GPU mode on a node without GPUs, fewer
   *     usable cores than GPUs, or a node too small for even one executor; the message names the
   *     field and value
   */
  public static OptimizationResult optimize(ClusterSpec cluster, WorkloadSpec workload) {
    return optimize(cluster, workload, PlanSpec.defaults());
  }

  /**
   * Computes a complete Spark config for running the workload on the cluster with a given Spark
   * version, deploy mode, kept properties and constants.
   *
   * @param cluster the hardware and cluster manager
   * @param workload what the job does and whether it should use GPUs
   * @param plan the target Spark version, deploy mode, properties to keep and the constants
   * @return the config, the layout behind it, and notes (among them every compromise a kept value
   *     forces)
   * @throws DgxSparkException as {@link #optimize(ClusterSpec, WorkloadSpec)}, and when GPU mode is
   *     asked for a Spark version the RAPIDS Accelerator does not support, or a kept size or count
   *     is not a size or count
   */
  public static OptimizationResult optimize(
      ClusterSpec cluster, WorkloadSpec workload, PlanSpec plan) {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(plan, "plan");
    return new Planner(cluster, workload, plan).plan();
  }
}
