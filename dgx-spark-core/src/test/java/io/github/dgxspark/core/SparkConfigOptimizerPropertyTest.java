package io.github.dgxspark.core;

import static io.github.dgxspark.core.ByteSizes.GIB;
import static io.github.dgxspark.core.ByteSizes.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.spark.network.util.JavaUtils;

/** Invariants of the optimizer over generated clusters and workloads. */
class SparkConfigOptimizerPropertyTest {
  private static final Set<String> SIZE_KEYS =
      Set.of(
          "spark.executor.memory",
          "spark.executor.memoryOverhead",
          "spark.driver.memory",
          "spark.driver.memoryOverhead",
          "spark.driver.maxResultSize",
          "spark.sql.files.maxPartitionBytes",
          "spark.reducer.maxSizeInFlight",
          "spark.shuffle.file.buffer",
          "spark.kryoserializer.buffer.max",
          "spark.sql.adaptive.advisoryPartitionSizeInBytes",
          "spark.rapids.memory.pinnedPool.size",
          "spark.rapids.memory.host.spillStorageSize");
  private static final Set<String> TIME_KEYS =
      Set.of("spark.locality.wait", "spark.network.timeout");

  @Property(tries = 1000)
  void executorsNeverAskMoreThanTheNodeHasAfterItsReserve(
      @ForAll("clusters") ClusterSpec cluster, @ForAll("workloads") WorkloadSpec workload) {
    OptimizationResult r = optimizeOrSkip(cluster, workload);
    ExecutorLayout l = r.layout();
    NodeSpec node = cluster.node();
    long driver = l.driverMemoryPerNodeBytes();
    long memory =
        l.executorsPerNode() * (l.executorFootprintBytes())
            + driver
            + l.reservedMemoryBytes()
            + l.gpuHostMemoryBytes();
    assertTrue(
        memory <= node.memoryBytes(), () -> "memory " + memory + " > node " + node + " " + l);
    int cores =
        l.executorsPerNode() * l.executorCores() + l.driverCoresPerNode() + l.reservedCores();
    assertTrue(cores <= node.logicalCores(), () -> "cores " + cores + " > node " + node + " " + l);
    // the pinned pool and the spill budget live inside the overhead
    assertTrue(l.memoryOverheadBytes() >= l.pinnedPoolBytes());
    assertTrue(l.memoryOverheadBytes() >= 384 * MIB);
  }

  @Property(tries = 1000)
  void gpuModeHasOneExecutorPerGpuAndEveryCoreCanRunATask(
      @ForAll("clusters") ClusterSpec cluster, @ForAll("workloads") WorkloadSpec workload) {
    OptimizationResult r = optimizeOrSkip(cluster, workload);
    Assume.that(r.mode() == ExecutionMode.GPU && cluster.manager() != ClusterManager.LOCAL);
    ExecutorLayout l = r.layout();
    assertEquals(cluster.node().gpuCount(), l.executorsPerNode());
    assertEquals("1", r.config().get("spark.executor.resource.gpu.amount").orElseThrow());
    double taskAmount =
        Double.parseDouble(r.config().get("spark.task.resource.gpu.amount").orElseThrow());
    assertTrue(
        Math.floor(1 / taskAmount) >= l.executorCores(),
        () -> taskAmount + " for " + l.executorCores());
    int concurrent =
        Integer.parseInt(r.config().get("spark.rapids.sql.concurrentGpuTasks").orElseThrow());
    assertTrue(concurrent >= 1 && concurrent <= Math.min(4, l.executorCores()));
  }

  @Property(tries = 500)
  void moreInputNeverLowersThePartitionCount(
      @ForAll("clusters") ClusterSpec cluster,
      @ForAll("workloads") WorkloadSpec workload,
      @ForAll("extraBytes") long extra) {
    OptimizationResult small = optimizeOrSkip(cluster, workload);
    long base = workload.inputBytes().orElse(0);
    WorkloadSpec bigger =
        new WorkloadSpec(
            workload.type(),
            OptionalLong.of(Math.min(Long.MAX_VALUE / 2, base + extra)),
            workload.operations(),
            small.mode(),
            workload.language());
    WorkloadSpec same =
        new WorkloadSpec(
            workload.type(),
            OptionalLong.of(base),
            workload.operations(),
            small.mode(),
            workload.language());
    long p1 = partitions(SparkConfigOptimizer.optimize(cluster, same));
    long p2 = partitions(SparkConfigOptimizer.optimize(cluster, bigger));
    assertTrue(p2 >= p1, () -> p2 + " < " + p1);
  }

  @Property(tries = 1000)
  void everyEmittedSizeAndTimeParsesWithSparksParser(
      @ForAll("clusters") ClusterSpec cluster, @ForAll("workloads") WorkloadSpec workload) {
    OptimizationResult r = optimizeOrSkip(cluster, workload);
    for (Map.Entry<String, String> e : r.config().entries().entrySet()) {
      if (SIZE_KEYS.contains(e.getKey())) {
        assertTrue(e.getValue().matches("[0-9]+[bkmgtp]"), e.toString());
        assertEquals(ByteSizes.parseBytes(e.getValue()), JavaUtils.byteStringAsBytes(e.getValue()));
      } else if (TIME_KEYS.contains(e.getKey())) {
        assertTrue(e.getValue().matches("[0-9]+(ms|s)"), e.toString());
        assertEquals(
            SparkDurations.parseMillis(e.getValue()), JavaUtils.timeStringAsMs(e.getValue()));
      }
    }
    r.values().forEach(v -> assertTrue(!v.reason().isBlank(), v.key()));
  }

  @Property(tries = 300)
  void optimizeEitherAnswersOrThrowsDgxSparkException(
      @ForAll("anyNodes") NodeSpec node, @ForAll("workloads") WorkloadSpec workload) {
    try {
      SparkConfigOptimizer.optimize(ClusterSpec.of(node, 2, ClusterManager.YARN), workload);
    } catch (DgxSparkException expected) {
      // GPU mode without GPUs, a node too small: the accepted failures
    }
  }

  private static long partitions(OptimizationResult r) {
    return Long.parseLong(r.config().get("spark.sql.shuffle.partitions").orElseThrow());
  }

  private static OptimizationResult optimizeOrSkip(ClusterSpec cluster, WorkloadSpec workload) {
    Assume.that(workload.mode() != ExecutionMode.GPU || cluster.node().gpuCount() > 0);
    return SparkConfigOptimizer.optimize(cluster, workload);
  }

  @Provide
  Arbitrary<ClusterSpec> clusters() {
    return Combinators.combine(
            nodes(),
            Arbitraries.integers().between(1, 16),
            Arbitraries.of(ClusterManager.class),
            Arbitraries.longs().between(0, 100_000_000_000L))
        .as(
            (node, n, manager, net) ->
                new ClusterSpec(node, manager == ClusterManager.LOCAL ? 1 : n, net, manager));
  }

  /**
   * Nodes big enough for the layout: 8+ threads, 32+ GiB, 0–8 GPUs of 16–192 GiB or unified memory.
   */
  @Provide
  Arbitrary<NodeSpec> nodes() {
    Arbitrary<Integer> threads = Arbitraries.integers().between(8, 512);
    Arbitrary<Long> memory = Arbitraries.longs().between(32, 8192).map(g -> g * GIB + 123 * MIB);
    Arbitrary<Integer> gpus = Arbitraries.integers().between(0, 8);
    Arbitrary<Long> gpuMemory =
        Arbitraries.longs().between(16 * 1024, 192 * 1024).map(m -> m * MIB);
    Arbitrary<Boolean> unified = Arbitraries.of(true, false);
    return Combinators.combine(
            threads, memory, gpus, gpuMemory, unified, Arbitraries.integers().between(1, 8))
        .as(
            (t, mem, g, gm, u, numa) -> {
              boolean uni = u && g == 1;
              int cores = Math.max(t, 2 * g + 4);
              List<GpuSpec> list =
                  Collections.nCopies(g, new GpuSpec("NVIDIA Test GPU", uni ? mem : gm, "9.0", 0));
              return new NodeSpec(
                  "cpu", cores, Math.max(1, cores / 2), 2, numa, mem, list, uni, 0, List.of());
            });
  }

  /** Any node at all, including ones too small to hold an executor. */
  @Provide
  Arbitrary<NodeSpec> anyNodes() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 64),
            Arbitraries.longs().between(1, 64 * GIB),
            Arbitraries.integers().between(0, 16))
        .as(
            (t, mem, g) ->
                new NodeSpec(
                    "",
                    t,
                    t,
                    1,
                    1,
                    mem,
                    Collections.nCopies(g, new GpuSpec("G", 16 * GIB, "", 0)),
                    false,
                    0,
                    List.of()));
  }

  @Provide
  Arbitrary<WorkloadSpec> workloads() {
    Arbitrary<OptionalLong> input =
        Arbitraries.oneOf(
            Arbitraries.just(OptionalLong.empty()),
            Arbitraries.longs().between(0, 1L << 50).map(OptionalLong::of));
    return Combinators.combine(
            Arbitraries.of(WorkloadType.class),
            input,
            Arbitraries.of(ExecutionMode.class),
            Arbitraries.of(Language.class))
        .as((t, in, m, lang) -> new WorkloadSpec(t, in, List.of(), m, lang));
  }

  @Provide
  Arbitrary<Long> extraBytes() {
    return Arbitraries.longs().between(0, 1L << 48);
  }
}
