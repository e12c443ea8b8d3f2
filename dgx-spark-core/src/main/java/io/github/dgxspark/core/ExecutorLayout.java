package io.github.dgxspark.core;

/**
 * How the optimizer splits each node: the numbers behind the executor and driver keys.
 *
 * <p>Under the {@code local} cluster manager there are no executors: the driver JVM runs the tasks,
 * and this layout describes it as one executor per node whose heap is the driver's.
 *
 * @param executorsPerNode executors on every node (GPU mode: one per GPU)
 * @param totalExecutors executors in the cluster
 * @param executorCores task cores per executor
 * @param executorMemoryBytes executor heap ({@code spark.executor.memory})
 * @param memoryOverheadBytes executor overhead ({@code spark.executor.memoryOverhead}); it includes
 *     the pinned pool and the host spill budget in GPU mode
 * @param offHeapBytes Spark off-heap memory per executor ({@code spark.memory.offHeap.size}), 0
 *     when disabled
 * @param pysparkMemoryBytes Python worker memory per executor ({@code
 *     spark.executor.pyspark.memory}), 0 when unset
 * @param pinnedPoolBytes RAPIDS pinned host memory per executor, 0 in CPU mode (inside the
 *     overhead)
 * @param gpuHostMemoryBytes host memory per node taken by the GPU memory pool on unified-memory
 *     nodes, else 0
 * @param driverMemoryBytes driver heap
 * @param driverMemoryOverheadBytes driver overhead
 * @param driverCores driver cores
 * @param reservedCores cores per node left to the OS and daemons
 * @param reservedMemoryBytes memory per node left to the OS and daemons
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
    long gpuHostMemoryBytes,
    long driverMemoryBytes,
    long driverMemoryOverheadBytes,
    int driverCores,
    int reservedCores,
    long reservedMemoryBytes,
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
    Checks.nonNegative("gpuHostMemoryBytes", gpuHostMemoryBytes);
    Checks.positive("driverMemoryBytes", driverMemoryBytes);
    Checks.nonNegative("driverMemoryOverheadBytes", driverMemoryOverheadBytes);
    Checks.positive("driverCores", driverCores);
    Checks.nonNegative("reservedCores", reservedCores);
    Checks.nonNegative("reservedMemoryBytes", reservedMemoryBytes);
    Checks.positive("taskSlots", taskSlots);
  }

  /**
   * What one executor asks of its node: heap, overhead (pinned pool included), off-heap and PySpark
   * memory.
   *
   * @return bytes
   */
  public long executorFootprintBytes() {
    return executorMemoryBytes + memoryOverheadBytes + offHeapBytes + pysparkMemoryBytes;
  }
}
