package io.github.dgxspark.core;

import static io.github.dgxspark.core.ByteSizes.GIB;
import static io.github.dgxspark.core.ByteSizes.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Worked cases from the "done when": a DGX H100 node (8 × H100 80 GB, 112 cores / 224
 * threads, 2 TB; NVIDIA DGX H100/H200 User Guide), four of them, and a DGX Spark GB10 desktop (20
 * Arm cores, 128 GB unified memory, 1 GPU; DGX Spark Porting Guide), in CPU and GPU mode. Expected
 * figures follow the rules the optimizer cites (Spark configuration and tuning guides, RAPIDS
 * tuning guide, spark-rapids-tools AutoTuner defaults).
 */
class SparkConfigOptimizerTest {
  static final NodeSpec DGX_H100 =
      new NodeSpec(
          "Intel(R) Xeon(R) Platinum 8480C",
          224,
          112,
          2,
          2,
          2048 * GIB,
          Collections.nCopies(8, new GpuSpec("NVIDIA H100 80GB HBM3", 81559 * MIB, "9.0", 18)),
          false,
          900_000_000_000L,
          Collections.nCopies(8, new NicSpec("mlx5_0", NicSpec.Kind.INFINIBAND, 50_000_000_000L)));

  /** GB10: the OS sees about 119.7 GiB of the 128 GB (MemTotal in the free/lscpu capture). */
  static final NodeSpec DGX_SPARK =
      new NodeSpec(
          "",
          20,
          20,
          1,
          1,
          (long) (119.7 * GIB),
          List.of(new GpuSpec("NVIDIA GB10", (long) (119.7 * GIB), "12.1", 0)),
          true,
          0,
          List.of(new NicSpec("rocep1s0f0", NicSpec.Kind.ROCE, 25_000_000_000L)));

  private static OptimizationResult optimize(
      NodeSpec node, int nodes, WorkloadType type, ExecutionMode mode) {
    return SparkConfigOptimizer.optimize(
        ClusterSpec.of(node, nodes, ClusterManager.STANDALONE),
        WorkloadSpec.of(type, 1024 * GIB, mode));
  }

  private static String value(OptimizationResult r, String key) {
    return r.config().get(key).orElseThrow(() -> new AssertionError("missing " + key));
  }

  @Test
  void optimize_streaming_partitionsPerTaskSlotNotPerInputAndARocksDbStateStore() {
    // issue 22: 1 TiB of "input" gave 880 partitions "because AQE coalesces small ones"; Spark
    // turns
    // AQE off for streaming queries (StreamExecution.runStream) and the checkpoint keeps the count
    OptimizationResult cpu = optimize(DGX_H100, 4, WorkloadType.STREAMING, ExecutionMode.CPU);
    OptimizationResult etl = optimize(DGX_H100, 4, WorkloadType.ETL, ExecutionMode.CPU);
    assertEquals(
        Integer.toString(cpu.layout().taskSlots()), value(cpu, "spark.sql.shuffle.partitions"));
    assertTrue(
        Integer.parseInt(value(etl, "spark.sql.shuffle.partitions"))
            > Integer.parseInt(value(cpu, "spark.sql.shuffle.partitions")));
    String reason = reason(cpu, "spark.sql.shuffle.partitions");
    assertFalse(reason.contains("AQE coalesces"), reason);
    assertTrue(reason.contains("checkpoint"), reason);
    assertEquals(
        "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider",
        value(cpu, "spark.sql.streaming.stateStore.providerClass"));
    assertTrue(
        cpu.notes().stream().anyMatch(n -> n.contains("trigger interval")), cpu.notes().toString());
    assertFalse(etl.config().get("spark.sql.streaming.stateStore.providerClass").isPresent());
  }

  @Test
  void optimize_streamingOnSpark31_hasNoRocksDbProviderAndSaysSo() {
    // RocksDBStateStoreProvider came in Spark 3.2.0 (SPARK-34198)
    OptimizationResult r =
        SparkConfigOptimizer.optimize(
            ClusterSpec.of(DGX_H100, 1, ClusterManager.STANDALONE),
            WorkloadSpec.of(WorkloadType.STREAMING, 1024 * GIB, ExecutionMode.CPU),
            PlanSpec.defaults().withSparkVersion(SparkVersion.parse("3.1.3")));
    assertFalse(r.config().get("spark.sql.streaming.stateStore.providerClass").isPresent());
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("no RocksDB state store")),
        r.notes().toString());
  }

  @Test
  void optimize_mlTrainingOnGpu_saysMllibStaysOnTheCpu() {
    OptimizationResult gpu = optimize(DGX_H100, 1, WorkloadType.ML_TRAINING, ExecutionMode.GPU);
    assertTrue(
        gpu.notes().stream().anyMatch(n -> n.contains("MLlib's own estimators")),
        gpu.notes().toString());
    OptimizationResult cpu = optimize(DGX_H100, 1, WorkloadType.ML_TRAINING, ExecutionMode.CPU);
    OptimizationResult etl = optimize(DGX_H100, 1, WorkloadType.ETL, ExecutionMode.GPU);
    assertFalse(cpu.notes().stream().anyMatch(n -> n.contains("MLlib")), cpu.notes().toString());
    assertFalse(etl.notes().stream().anyMatch(n -> n.contains("MLlib")), etl.notes().toString());
  }

  private static String reason(OptimizationResult r, String key) {
    return r.values().stream()
        .filter(v -> v.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("missing " + key))
        .reason();
  }

  @Test
  void optimize_dgxH100Gpu_oneExecutorPerGpuOnEveryCoreButTheReserve() {
    OptimizationResult r = optimize(DGX_H100, 1, WorkloadType.ETL, ExecutionMode.GPU);
    assertEquals(ExecutionMode.GPU, r.mode());
    assertEquals("8", value(r, "spark.executor.instances"));
    // 224 threads - 2 for the OS (1 %) = 222 = 8 × 27 + 6; the driver's 2 cores fit in the 6
    assertEquals("27", value(r, "spark.executor.cores"));
    assertEquals(DriverPlacement.NODE_LEFTOVER, r.layout().driverPlacement());
    assertEquals(6, r.layout().idleCores());
    assertEquals("31g", value(r, "spark.executor.memory"));
    assertEquals("1", value(r, "spark.executor.resource.gpu.amount"));
    assertEquals("0.037037", value(r, "spark.task.resource.gpu.amount"));
    // 81559 MiB / 7500 MiB = 10 → capped at 4
    assertEquals("4", value(r, "spark.rapids.sql.concurrentGpuTasks"));
    // (2 TiB - 16 GiB) / 8 = 254 GiB per executor: pinned at the 8 GiB cap (spark-rapids-tools
    // PR 2076), the spill store holds one H100's 81559 MiB, other overhead 10 % of 31 GiB = 3175m
    assertEquals("8g", value(r, "spark.rapids.memory.pinnedPool.size"));
    assertEquals("81559m", value(r, "spark.rapids.memory.host.spillStorageSize"));
    assertEquals("92926m", value(r, "spark.executor.memoryOverhead"));
    assertEquals("com.nvidia.spark.SQLPlugin", value(r, "spark.plugins"));
    assertEquals(
        "com.nvidia.spark.rapids.spark411.RapidsShuffleManager", value(r, "spark.shuffle.manager"));
    assertEquals("com.nvidia.spark.rapids.GpuKryoRegistrator", value(r, "spark.kryo.registrator"));
    assertEquals("512m", value(r, "spark.kryoserializer.buffer.max"));
    // AutoTuner on-prem rules at 27 cores: 1.5 × 27 shuffle threads, 2 × 27 reader threads
    assertEquals("40", value(r, "spark.rapids.shuffle.multiThreaded.reader.threads"));
    assertEquals("54", value(r, "spark.rapids.sql.multiThreadedRead.numThreads"));
    assertEquals("0s", value(r, "spark.locality.wait"));
    assertEquals("512m", value(r, "spark.sql.files.maxPartitionBytes"));
    assertEquals("8", value(r, "spark.worker.resource.gpu.amount"));
    // 1 TiB / 512 MiB = 2048 partitions, rounded up to 10 whole waves of 216 slots
    assertEquals("2160", value(r, "spark.sql.shuffle.partitions"));
    assertEquals("48m", value(r, "spark.reducer.maxSizeInFlight"));
  }

  @Test
  void optimize_gpu_jarBuildFollowsComputeCapability() {
    // DGX-1: 8 × Tesla V100-SXM2-32GB, compute capability 7.0 (data/hardware-profiles/dgx-1.json)
    NodeSpec dgx1 =
        new NodeSpec(
            "Intel(R) Xeon(R) CPU E5-2698 v4",
            80,
            40,
            2,
            2,
            512 * GIB,
            Collections.nCopies(8, new GpuSpec("Tesla V100-SXM2-32GB", 32 * GIB, "7.0", 6)),
            false,
            300_000_000_000L,
            List.of(new NicSpec("ib0", NicSpec.Kind.INFINIBAND, 12_500_000_000L)));
    String volta = jarNote(optimize(dgx1, 1, WorkloadType.ETL, ExecutionMode.GPU));
    assertTrue(volta.contains("CUDA 12 build"), volta);
    assertTrue(volta.contains("these are 7.0"), volta);
    assertFalse(volta.contains("cuda13"), volta);
    String hopper = jarNote(optimize(DGX_H100, 1, WorkloadType.ETL, ExecutionMode.GPU));
    assertTrue(hopper.contains("the cuda13 build"), hopper);
    assertFalse(hopper.contains("dropped"), hopper);
  }

  @Test
  void optimize_standaloneGpu_submitLineLeavesWorkerSettingsToTheWorker() {
    OptimizationResult r = optimize(DGX_H100, 1, WorkloadType.ETL, ExecutionMode.GPU);
    String submit = r.config().toSubmitCommandLine();
    assertFalse(submit.contains("--conf spark.worker."), submit);
    assertTrue(
        submit.contains(
            "-Dspark.worker.resource.gpu.amount=8 -Dspark.worker.resource.gpu.discoveryScript="),
        submit);
    assertTrue(submit.contains("--conf spark.executor.resource.gpu.amount=1"), submit);
  }

  private static String jarNote(OptimizationResult r) {
    return r.notes().stream()
        .filter(n -> n.startsWith("Put the RAPIDS Accelerator"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no jar note in " + r.notes()));
  }

  @Test
  void optimize_fourDgxH100Gpu_scalesInstancesAndPartitions() {
    OptimizationResult r = optimize(DGX_H100, 4, WorkloadType.ETL, ExecutionMode.GPU);
    assertEquals("32", value(r, "spark.executor.instances"));
    assertEquals(864, r.layout().taskSlots());
    // 2048 by size, rounded up to 3 waves of 864 slots
    assertEquals("2592", value(r, "spark.sql.shuffle.partitions"));
    assertEquals("300s", value(r, "spark.network.timeout"));
    assertEquals("864", value(r, "spark.cores.max"));
    assertEquals("96m", value(r, "spark.reducer.maxSizeInFlight"));
  }

  @Test
  void optimize_dgxH100Cpu_fiveCoreExecutorsWithCompressedOopsHeaps() {
    OptimizationResult r = optimize(DGX_H100, 1, WorkloadType.SQL_ANALYTICS, ExecutionMode.CPU);
    assertEquals(ExecutionMode.CPU, r.mode());
    ExecutorLayout l = r.layout();
    // 224 threads - 2 for the OS = 222 → 44 executors of 5 cores (even: 2 NUMA nodes); the driver's
    // 2 cores fit in the 2 left over
    assertEquals(5, l.executorCores());
    assertEquals(44, l.executorsPerNode());
    assertEquals("31g", value(r, "spark.executor.memory"));
    assertFalse(r.config().get("spark.plugins").isPresent());
    assertEquals("org.apache.spark.serializer.KryoSerializer", value(r, "spark.serializer"));
    assertEquals("true", value(r, "spark.sql.adaptive.enabled"));
    // 1 TiB / 128 MiB = 8192, rounded up to whole waves of 220 slots
    assertEquals("8360", value(r, "spark.sql.shuffle.partitions"));
  }

  @Test
  void optimize_fourDgxH100Cpu_instancesForEveryNode() {
    OptimizationResult r = optimize(DGX_H100, 4, WorkloadType.ETL, ExecutionMode.CPU);
    assertEquals("176", value(r, "spark.executor.instances"));
  }

  @Test
  void optimize_gb10Gpu_unifiedMemorySplitBetweenGpuPoolAndHeap() {
    OptimizationResult r = optimize(DGX_SPARK, 1, WorkloadType.ETL, ExecutionMode.GPU);
    ExecutorLayout l = r.layout();
    assertEquals(1, l.executorsPerNode());
    // 20 cores - 1 for the OS - 2 for the driver, which runs on this one node
    assertEquals(17, l.executorCores());
    assertEquals(DriverPlacement.RESERVED_PER_NODE, l.driverPlacement());
    assertEquals("0.5", value(r, "spark.rapids.memory.gpu.allocFraction"));
    assertEquals("0.5", value(r, "spark.rapids.memory.gpu.maxAllocFraction"));
    assertEquals("2g", value(r, "spark.rapids.memory.pinnedPool.size"));
    long used =
        l.gpuHostMemoryBytes()
            + l.executorFootprintBytes()
            + l.driverMemoryBytes()
            + l.driverMemoryOverheadBytes()
            + l.reservedMemoryBytes();
    assertTrue(used <= DGX_SPARK.memoryBytes(), "unified memory over-committed: " + used);
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("unified memory")), r.notes().toString());
  }

  @Test
  void optimize_gb10Cpu_localModeUsesOneJvm() {
    OptimizationResult r =
        SparkConfigOptimizer.optimize(
            ClusterSpec.single(DGX_SPARK, ClusterManager.LOCAL),
            WorkloadSpec.of(WorkloadType.SQL_ANALYTICS, 100 * GIB, ExecutionMode.CPU));
    assertEquals("local[20]", value(r, "spark.master"));
    assertFalse(r.config().get("spark.executor.instances").isPresent());
    assertEquals("64g", value(r, "spark.driver.memory"));
  }

  @Test
  void optimize_localHeapBetween32And48Gib_isLoweredTo31g() {
    OptimizationResult r =
        SparkConfigOptimizer.optimize(
            ClusterSpec.single(NodeSpec.cpuOnly(4, 37 * GIB), ClusterManager.LOCAL),
            WorkloadSpec.of(WorkloadType.ETL, 10 * GIB, ExecutionMode.CPU));
    assertEquals("31g", value(r, "spark.driver.memory"));
  }

  @Test
  void optimize_autoOnGpuNodeForStreaming_choosesCpuAndSaysWhy() {
    OptimizationResult r = optimize(DGX_H100, 1, WorkloadType.STREAMING, ExecutionMode.AUTO);
    assertEquals(ExecutionMode.CPU, r.mode());
    assertTrue(r.notes().get(0).contains("streaming"), r.notes().toString());
  }

  @Test
  void optimize_autoWithTinyInput_choosesCpu() {
    OptimizationResult r =
        SparkConfigOptimizer.optimize(
            ClusterSpec.of(DGX_H100, 1, ClusterManager.YARN),
            WorkloadSpec.of(WorkloadType.ETL, 100 * MIB, ExecutionMode.AUTO));
    assertEquals(ExecutionMode.CPU, r.mode());
  }

  @Test
  void optimize_pythonOnKubernetes_usesFortyPercentOverhead() {
    WorkloadSpec w =
        new WorkloadSpec(
            WorkloadType.ETL, OptionalLong.empty(), List.of(), ExecutionMode.CPU, Language.PYTHON);
    OptimizationResult r =
        SparkConfigOptimizer.optimize(
            ClusterSpec.of(NodeSpec.cpuOnly(32, 256 * GIB), 2, ClusterManager.KUBERNETES), w);
    ExecutorLayout l = r.layout();
    assertTrue(l.memoryOverheadBytes() >= (long) (0.4 * l.executorMemoryBytes()), l.toString());
    assertEquals("true", value(r, "spark.sql.execution.arrow.pyspark.enabled"));
  }

  @Test
  void optimize_gpuModeWithoutGpus_namesTheField() {
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class,
            () -> optimize(NodeSpec.cpuOnly(16, 64 * GIB), 1, WorkloadType.ETL, ExecutionMode.GPU));
    assertTrue(e.getMessage().contains("mode gpu"), e.getMessage());
    assertTrue(e.getMessage().contains("expected"), e.getMessage());
  }

  @Test
  void optimize_nodeTooSmall_isRejectedWithFigures() {
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class,
            () -> optimize(NodeSpec.cpuOnly(2, 2 * GIB), 1, WorkloadType.ETL, ExecutionMode.CPU));
    assertTrue(e.getMessage().contains("too small"), e.getMessage());
    // 512 MiB holds no executor in local mode either: no hint then
    DgxSparkException tiny =
        assertThrows(
            DgxSparkException.class,
            () -> optimize(NodeSpec.cpuOnly(2, 512 * MIB), 1, WorkloadType.ETL, ExecutionMode.CPU));
    assertFalse(tiny.getMessage().contains("cluster manager local"), tiny.getMessage());
  }

  @Test
  void optimize_nodeTooSmallForAClusterButNotForLocalMode_saysLocalWorks() {
    // 2 cores: the OS reserve and the driver take both in a cluster layout; local mode uses them
    NodeSpec laptop = NodeSpec.cpuOnly(2, 16 * GIB);
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class,
            () -> optimize(laptop, 1, WorkloadType.ETL, ExecutionMode.CPU));
    assertTrue(e.getMessage().contains("--cluster-manager local"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    OptimizationResult local =
        SparkConfigOptimizer.optimize(
            ClusterSpec.single(laptop, ClusterManager.LOCAL),
            WorkloadSpec.of(WorkloadType.ETL, 1024 * GIB, ExecutionMode.CPU));
    assertTrue(value(local, "spark.master").startsWith("local["), value(local, "spark.master"));
  }

  @Test
  void clusterSpec_zeroNodes_namesField() {
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class, () -> ClusterSpec.of(DGX_H100, 0, ClusterManager.STANDALONE));
    assertTrue(e.getMessage().contains("nodeCount is 0"), e.getMessage());
  }

  @Test
  void nodeSpec_negativeMemory_namesField() {
    DgxSparkException e = assertThrows(DgxSparkException.class, () -> NodeSpec.cpuOnly(4, -1));
    assertTrue(e.getMessage().contains("memoryBytes is -1"), e.getMessage());
  }

  @Test
  void optimize_everyValue_hasAReason() {
    for (ExecutionMode m : List.of(ExecutionMode.CPU, ExecutionMode.GPU)) {
      OptimizationResult r = optimize(DGX_H100, 2, WorkloadType.ML_TRAINING, m);
      r.values().forEach(v -> assertTrue(v.reason().length() > 20, v.key() + ": " + v.reason()));
      assertEquals(r.values().size(), r.config().size(), "duplicate keys in " + r.values());
    }
  }
}
