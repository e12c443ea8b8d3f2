package io.github.dgxspark.core;

import static io.github.dgxspark.core.ByteSizes.GIB;
import static io.github.dgxspark.core.ByteSizes.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.network.util.JavaUtils;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

  @Test
  void executorsNeverAskMoreThanTheNodeHasAfterItsReserve() {
    qt().withExamples(1000)
        .forAll(clusters(), workloads())
        .assuming(SparkConfigOptimizerPropertyTest::optimizable)
        .checkAssert(
            (cluster, workload) -> {
              OptimizationResult r = SparkConfigOptimizer.optimize(cluster, workload);
              ExecutorLayout l = r.layout();
              NodeSpec node = cluster.node();
              long driver = l.driverMemoryPerNodeBytes();
              long memory =
                  l.executorsPerNode() * (l.executorFootprintBytes())
                      + driver
                      + l.reservedMemoryBytes()
                      + l.gpuHostMemoryBytes();
              assertTrue(
                  memory <= node.memoryBytes(),
                  () -> "memory " + memory + " > node " + node + " " + l);
              int cores =
                  l.executorsPerNode() * l.executorCores()
                      + l.driverCoresPerNode()
                      + l.reservedCores();
              assertTrue(
                  cores <= node.logicalCores(),
                  () -> "cores " + cores + " > node " + node + " " + l);
              // the pinned pool and the spill budget live inside the overhead
              assertTrue(l.memoryOverheadBytes() >= l.pinnedPoolBytes());
              assertTrue(l.memoryOverheadBytes() >= 384 * MIB);
            });
  }

  /**
   * Checks 1000 GPU-mode layouts; GPU mode is under half the draws, so up to 100 draws per example
   * may be rejected.
   */
  @Test
  void gpuModeHasOneExecutorPerGpuAndEveryCoreCanRunATask() {
    qt().withExamples(1000)
        .withGenerateAttempts(100)
        .forAll(clusters(), workloads())
        .assuming(
            (cluster, workload) ->
                optimizable(cluster, workload)
                    && cluster.manager() != ClusterManager.LOCAL
                    && SparkConfigOptimizer.optimize(cluster, workload).mode() == ExecutionMode.GPU)
        .checkAssert(
            (cluster, workload) -> {
              OptimizationResult r = SparkConfigOptimizer.optimize(cluster, workload);
              ExecutorLayout l = r.layout();
              assertEquals(cluster.node().gpuCount(), l.executorsPerNode());
              assertEquals("1", r.config().get("spark.executor.resource.gpu.amount").orElseThrow());
              double taskAmount =
                  Double.parseDouble(
                      r.config().get("spark.task.resource.gpu.amount").orElseThrow());
              assertTrue(
                  Math.floor(1 / taskAmount) >= l.executorCores(),
                  () -> taskAmount + " for " + l.executorCores());
              int concurrent =
                  Integer.parseInt(
                      r.config().get("spark.rapids.sql.concurrentGpuTasks").orElseThrow());
              assertTrue(concurrent >= 1 && concurrent <= Math.min(4, l.executorCores()));
            });
  }

  @Test
  void moreInputNeverLowersThePartitionCount() {
    qt().withExamples(500)
        .forAll(clusters(), workloads(), extraBytes())
        .assuming((cluster, workload, extra) -> optimizable(cluster, workload))
        .checkAssert(
            (cluster, workload, extra) -> {
              OptimizationResult small = SparkConfigOptimizer.optimize(cluster, workload);
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
            });
  }

  @Test
  void everyEmittedSizeAndTimeParsesWithSparksParser() {
    qt().withExamples(1000)
        .forAll(clusters(), workloads())
        .assuming(SparkConfigOptimizerPropertyTest::optimizable)
        .checkAssert(
            (cluster, workload) -> {
              OptimizationResult r = SparkConfigOptimizer.optimize(cluster, workload);
              for (Map.Entry<String, String> e : r.config().entries().entrySet()) {
                if (SIZE_KEYS.contains(e.getKey())) {
                  assertTrue(e.getValue().matches("[0-9]+[bkmgtp]"), e.toString());
                  assertEquals(
                      ByteSizes.parseBytes(e.getValue()),
                      JavaUtils.byteStringAsBytes(e.getValue()));
                } else if (TIME_KEYS.contains(e.getKey())) {
                  assertTrue(e.getValue().matches("[0-9]+(ms|s)"), e.toString());
                  assertEquals(
                      SparkDurations.parseMillis(e.getValue()),
                      JavaUtils.timeStringAsMs(e.getValue()));
                }
              }
              r.values().forEach(v -> assertTrue(!v.reason().isBlank(), v.key()));
            });
  }

  @Test
  void optimizeEitherAnswersOrThrowsDgxSparkException() {
    qt().withExamples(300)
        .forAll(anyNodes(), workloads())
        .checkAssert(
            (node, workload) -> {
              try {
                SparkConfigOptimizer.optimize(
                    ClusterSpec.of(node, 2, ClusterManager.YARN), workload);
              } catch (DgxSparkException expected) {
                // GPU mode without GPUs, a node too small: the accepted failures
              }
            });
  }

  private static long partitions(OptimizationResult r) {
    return Long.parseLong(r.config().get("spark.sql.shuffle.partitions").orElseThrow());
  }

  /** GPU mode needs a GPU; everything else must optimize. */
  private static boolean optimizable(ClusterSpec cluster, WorkloadSpec workload) {
    return workload.mode() != ExecutionMode.GPU || cluster.node().gpuCount() > 0;
  }

  private static Gen<ClusterSpec> clusters() {
    return nodes()
        .zip(
            integers().between(1, 16),
            arbitrary().enumValues(ClusterManager.class),
            longs().between(0, 100_000_000_000L),
            (node, n, manager, net) ->
                new ClusterSpec(node, manager == ClusterManager.LOCAL ? 1 : n, net, manager));
  }

  /**
   * Nodes big enough for the layout: 8+ threads, 32+ GiB, 0–8 GPUs of 16–192 GiB or unified memory.
   */
  private static Gen<NodeSpec> nodes() {
    Gen<Integer> threads = integers().between(8, 512);
    Gen<Long> memory = longs().between(32, 8192).map(g -> g * GIB + 123 * MIB);
    Gen<Integer> gpus = integers().between(0, 8);
    Gen<Long> gpuMemory = longs().between(16 * 1024, 192 * 1024).map(m -> m * MIB);
    Gen<Boolean> unified = booleans().all();
    Gen<Function<Integer, NodeSpec>> withoutNuma =
        threads.zip(
            memory,
            gpus,
            gpuMemory,
            unified,
            (t, mem, g, gm, u) ->
                numa -> {
                  boolean uni = u && g == 1;
                  int cores = Math.max(t, 2 * g + 4);
                  List<GpuSpec> list =
                      Collections.nCopies(
                          g, new GpuSpec("NVIDIA Test GPU", uni ? mem : gm, "9.0", 0));
                  return new NodeSpec(
                      "cpu", cores, Math.max(1, cores / 2), 2, numa, mem, list, uni, 0, List.of());
                });
    return withoutNuma.zip(integers().between(1, 8), Function::apply);
  }

  /** Any node at all, including ones too small to hold an executor. */
  private static Gen<NodeSpec> anyNodes() {
    return integers()
        .between(1, 64)
        .zip(
            longs().between(1, 64 * GIB),
            integers().between(0, 16),
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

  /**
   * Any workload; the input, when given, is up to 1 PiB with every power of two as likely as any
   * other (a uniform draw would almost never go below a TiB).
   */
  private static Gen<WorkloadSpec> workloads() {
    Gen<OptionalLong> input =
        Generate.oneOf(
            Generate.constant(OptionalLong.empty()), upToTwoToThe(50).map(OptionalLong::of));
    return arbitrary()
        .enumValues(WorkloadType.class)
        .zip(
            input,
            arbitrary().enumValues(ExecutionMode.class),
            arbitrary().enumValues(Language.class),
            (t, in, m, lang) -> new WorkloadSpec(t, in, List.of(), m, lang));
  }

  /** Up to 256 TiB more input, drawn as {@link #workloads()} draws the input. */
  private static Gen<Long> extraBytes() {
    return upToTwoToThe(48);
  }

  /** 0 to 2^{@code bits}, first a power of two up to it, then a value up to that power. */
  private static Gen<Long> upToTwoToThe(int bits) {
    return integers().between(0, bits).flatMap(b -> longs().between(0, 1L << b));
  }
}
