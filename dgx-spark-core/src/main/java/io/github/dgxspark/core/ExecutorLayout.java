package io.github.dgxspark.core;

import java.util.Objects;

/**
 * How the optimizer splits each node: the numbers behind the executor and driver keys.
 *
 * <p>Under the {@code local} cluster manager there are no executors: the driver JVM runs the tasks,
 * and this layout describes it as one executor per node whose heap is the driver's.
 *
 * <p>Every core and byte of a node is accounted for: {@code executorsPerNode × executorCores +
 * reservedCores + driver cores held on the node + idleCores = logical cores}, and {@code
 * executorsPerNode × executorFootprintBytes() + reservedMemoryBytes + gpuHostMemoryBytes + driver
 * memory held on the node + idleMemoryBytes = node memory}, where the driver is held on every node
 * only when its placement is {@link DriverPlacement#RESERVED_PER_NODE}.
 *
 * @param executorsPerNode executors on every node (GPU mode: one per GPU)
 * @param totalExecutors executors in the cluster
 * @param executorCores task cores per executor
 * @param executorMemoryBytes executor heap ({@code spark.executor.memory})
 * @param memoryOverheadBytes executor overhead ({@code spark.executor.memoryOverhead}); it includes
 *     the pinned pool and the host spill store in GPU mode
 * @param offHeapBytes Spark off-heap memory per executor ({@code spark.memory.offHeap.size}), 0
 *     when disabled
 * @param pysparkMemoryBytes Python worker memory per executor ({@code
 *     spark.executor.pyspark.memory}), 0 when unset
 * @param pinnedPoolBytes RAPIDS pinned host memory per executor, 0 in CPU mode (inside the
 *     overhead)
 * @param hostSpillBytes RAPIDS host spill store per executor ({@code
 *     spark.rapids.memory.host.spillStorageSize}), 0 in CPU mode (inside the overhead)
 * @param gpuHostMemoryBytes host memory per node taken by the GPU memory pool on unified-memory
 *     nodes, else 0
 * @param driverMemoryBytes driver heap
 * @param driverMemoryOverheadBytes driver overhead
 * @param driverCores driver cores
 * @param driverPlacement where the driver runs and so what the nodes hold back for it
 * @param reservedCores cores per node left to the OS and daemons
 * @param reservedMemoryBytes memory per node left to the OS and daemons
 * @param idleCores cores per node no executor, reserve or held-back driver uses (what a whole
 *     number of equal executors leaves over)
 * @param idleMemoryBytes memory per node nothing above claims: the OS page cache's (on the node
 *     that runs a {@link DriverPlacement#NODE_LEFTOVER} driver, the driver takes its share of it)
 * @param taskSlots tasks that can run at once in the cluster
 */
public record ExecutorLayout(
    int executorsPerNode,
    int totalExecutors,
    int executorCores,
    long executorMemoryBytes,
    long memoryOverheadBytes,
    long offHeapBytes,
    long pysparkMemoryBytes,
    long pinnedPoolBytes,
    long hostSpillBytes,
    long gpuHostMemoryBytes,
    long driverMemoryBytes,
    long driverMemoryOverheadBytes,
    int driverCores,
    DriverPlacement driverPlacement,
    int reservedCores,
    long reservedMemoryBytes,
    int idleCores,
    long idleMemoryBytes,
    int taskSlots) {

  // Checks the fields.
  public ExecutorLayout {
    Checks.positive("executorsPerNode", executorsPerNode);
    Checks.positive("totalExecutors", totalExecutors);
    Checks.positive("executorCores", executorCores);
    Checks.positive("executorMemoryBytes", executorMemoryBytes);
    Checks.nonNegative("memoryOverheadBytes", memoryOverheadBytes);
    Checks.nonNegative("offHeapBytes", offHeapBytes);
    Checks.nonNegative("pysparkMemoryBytes", pysparkMemoryBytes);
    Checks.nonNegative("pinnedPoolBytes", pinnedPoolBytes);
    Checks.nonNegative("hostSpillBytes", hostSpillBytes);
    Checks.nonNegative("gpuHostMemoryBytes", gpuHostMemoryBytes);
    Checks.positive("driverMemoryBytes", driverMemoryBytes);
    Checks.nonNegative("driverMemoryOverheadBytes", driverMemoryOverheadBytes);
    Checks.positive("driverCores", driverCores);
    Objects.requireNonNull(driverPlacement, "driverPlacement");
    Checks.nonNegative("reservedCores", reservedCores);
    Checks.nonNegative("reservedMemoryBytes", reservedMemoryBytes);
    Checks.nonNegative("idleCores", idleCores);
    Checks.nonNegative("idleMemoryBytes", idleMemoryBytes);
    Checks.positive("taskSlots", taskSlots);
  }

  /**
   * What one executor asks of its node: heap, overhead (pinned pool and spill store inside),
   * off-heap and PySpark memory.
   *
   * @return bytes
   */
  public long executorFootprintBytes() {
    return executorMemoryBytes + memoryOverheadBytes + offHeapBytes + pysparkMemoryBytes;
  }

  /**
   * The executor overhead that is neither pinned pool nor host spill store: JVM and native off-heap
   * use (Netty buffers, thread stacks, cuDF host buffers outside the pools).
   *
   * @return bytes
   */
  public long otherOverheadBytes() {
    return memoryOverheadBytes - pinnedPoolBytes - hostSpillBytes;
  }

  /**
   * Cores each node holds back for the driver: its cores when {@link
   * DriverPlacement#RESERVED_PER_NODE}, else 0.
   *
   * @return cores
   */
  public int driverCoresPerNode() {
    return driverPlacement == DriverPlacement.RESERVED_PER_NODE ? driverCores : 0;
  }

  /**
   * Memory each node holds back for the driver: heap plus overhead when {@link
   * DriverPlacement#RESERVED_PER_NODE}, else 0.
   *
   * @return bytes
   */
  public long driverMemoryPerNodeBytes() {
    return driverPlacement == DriverPlacement.RESERVED_PER_NODE
        ? driverMemoryBytes + driverMemoryOverheadBytes
        : 0;
  }
}
