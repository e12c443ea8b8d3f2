package io.github.dgxspark.core;

import static io.github.dgxspark.core.ByteSizes.GIB;
import static io.github.dgxspark.core.ByteSizes.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The plan around the hardware: Spark version, deploy mode, kept properties and constants. */
class PlanSpecTest {
  /** The AutoTuner's own kind of target: 16 cores, 64 GiB, one L4 (its table: 24576 MiB). */
  static final NodeSpec L4_NODE =
      new NodeSpec(
          "",
          16,
          16,
          1,
          1,
          64 * GIB,
          List.of(new GpuSpec("NVIDIA L4", 24576 * MIB, "8.9", 0)),
          false,
          0,
          List.of());

  private static OptimizationResult optimize(int nodes, ExecutionMode mode, PlanSpec plan) {
    return SparkConfigOptimizer.optimize(
        ClusterSpec.of(L4_NODE, nodes, ClusterManager.YARN),
        new WorkloadSpec(WorkloadType.ETL, OptionalLong.empty(), List.of(), mode, Language.JVM),
        plan);
  }

  private static String value(OptimizationResult r, String key) {
    return r.config().get(key).orElseThrow(() -> new AssertionError("missing " + key));
  }

  @Test
  void clientModeOnTwoNodes_driverOffTheWorkers_everyCoreButOne() {
    OptimizationResult r = optimize(2, ExecutionMode.GPU, PlanSpec.defaults());
    assertEquals(DriverPlacement.SUBMITTING_HOST, r.layout().driverPlacement());
    // 16 cores - 1 for the OS (max(1, 1 %))
    assertEquals("15", value(r, "spark.executor.cores"));
    assertTrue(value(r, "spark.executor.instances").equals("2"));
    assertTrue(r.reasons().get("spark.executor.instances").contains("submitting host"));
  }

  @Test
  void clusterModeOnTwoNodes_driverHeldWhereTheExecutorsLeaveNoRoom() {
    OptimizationResult r =
        optimize(2, ExecutionMode.GPU, PlanSpec.defaults().withDeployMode(DeployMode.CLUSTER));
    // one 15-core executor per node leaves no core over, so each node holds the driver's 2 cores
    assertEquals(DriverPlacement.RESERVED_PER_NODE, r.layout().driverPlacement());
    assertEquals("13", value(r, "spark.executor.cores"));
    assertTrue(r.reasons().get("spark.executor.instances").contains("cluster deploy mode"));
  }

  @Test
  void sparkVersion_namesItsShimsShuffleManager_andAnUnsupportedOneIsRefused() {
    OptimizationResult r =
        optimize(
            2,
            ExecutionMode.GPU,
            PlanSpec.defaults().withSparkVersion(SparkVersion.parse("3.4.2")));
    assertEquals(
        "com.nvidia.spark.rapids.spark342.RapidsShuffleManager", value(r, "spark.shuffle.manager"));
    assertEquals(
        "com.nvidia.spark.rapids.spark411.RapidsShuffleManager",
        value(optimize(2, ExecutionMode.GPU, PlanSpec.defaults()), "spark.shuffle.manager"));
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class,
            () ->
                optimize(
                    2,
                    ExecutionMode.GPU,
                    PlanSpec.defaults().withSparkVersion(SparkVersion.parse("4.1.3"))));
    assertTrue(e.getMessage().contains("Spark 4.1.3 is not supported"), e.getMessage());
    OptimizationResult auto =
        optimize(
            2,
            ExecutionMode.AUTO,
            PlanSpec.defaults().withSparkVersion(SparkVersion.parse("4.1.3")));
    assertEquals(ExecutionMode.CPU, auto.mode());
    assertTrue(auto.notes().stream().anyMatch(n -> n.contains("does not support Spark 4.1.3")));
  }

  @Test
  void keptCoresAndHeap_theRestIsPlannedAroundThem() {
    OptimizationResult r =
        optimize(
            2,
            ExecutionMode.GPU,
            PlanSpec.defaults()
                .withKeep(Map.of("spark.executor.cores", "8", "spark.executor.memory", "12g")));
    assertEquals("8", value(r, "spark.executor.cores"));
    assertEquals("12g", value(r, "spark.executor.memory"));
    assertEquals("0.125", value(r, "spark.task.resource.gpu.amount"));
    // the spill store grows into what the smaller heap leaves: 63 GiB - 12 GiB - 1229 MiB - 8 GiB
    // pinned, capped at the L4's 24576 MiB
    assertEquals("24g", value(r, "spark.rapids.memory.host.spillStorageSize"));
    assertEquals(7, r.layout().idleCores());
    assertTrue(r.reasons().get("spark.executor.cores").startsWith("Kept as given"));
  }

  @Test
  void keptSortShuffleManager_turnsTheRapidsShuffleOffAndSaysSo() {
    OptimizationResult r =
        optimize(
            2,
            ExecutionMode.GPU,
            PlanSpec.defaults().withKeep(Map.of("spark.shuffle.manager", "sort")));
    assertEquals("sort", value(r, "spark.shuffle.manager"));
    assertFalse(r.config().get("spark.rapids.shuffle.mode").isPresent());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("turns the RAPIDS shuffle off")));
  }

  @Test
  void keptRapidsShuffleModeOnCpu_isRefused() {
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class,
            () ->
                optimize(
                    2,
                    ExecutionMode.CPU,
                    PlanSpec.defaults().withKeep(Map.of("spark.rapids.shuffle.mode", "UCX"))));
    assertTrue(e.getMessage().contains("expected mode gpu"), e.getMessage());
  }

  @Test
  void keptOtherProperty_isAddedWithItsReason() {
    OptimizationResult r =
        optimize(
            2,
            ExecutionMode.GPU,
            PlanSpec.defaults().withKeep(Map.of("spark.sql.shuffle.partitions", "1000")));
    assertEquals("1000", value(r, "spark.sql.shuffle.partitions"));
    assertTrue(r.reasons().get("spark.sql.shuffle.partitions").contains("recommended was 200"));
  }

  @Test
  void tuning_overridesByName_andRejectsUnknownNamesAndBadValues() {
    TuningSpec t =
        TuningSpec.defaults().with(Map.of("maxConcurrentGpuTasks", "2", "gpuHeapPerCore", "1g"));
    OptimizationResult r = optimize(2, ExecutionMode.GPU, PlanSpec.defaults().withTuning(t));
    assertEquals("2", value(r, "spark.rapids.sql.concurrentGpuTasks"));
    assertEquals("15g", value(r, "spark.executor.memory"));
    DgxSparkException unknown =
        assertThrows(
            DgxSparkException.class, () -> TuningSpec.defaults().with(Map.of("heap", "1g")));
    assertTrue(
        unknown.getMessage().contains("expected one of cpuCoresPerExecutor"), unknown.getMessage());
    DgxSparkException reserve =
        assertThrows(
            DgxSparkException.class,
            () -> TuningSpec.defaults().with(Map.of("reservedCoresFraction", "0.05")));
    assertTrue(reserve.getMessage().contains("from 0.0 to 0.04"), reserve.getMessage());
    assertThrows(
        DgxSparkException.class,
        () -> TuningSpec.defaults().with(Map.of("maxConcurrentGpuTasks", "four")));
  }

  @Test
  void keep_badKeyOrEmptyValue_isRefused() {
    assertThrows(
        DgxSparkException.class, () -> PlanSpec.defaults().withKeep(Map.of("executor.cores", "8")));
    assertThrows(
        DgxSparkException.class,
        () -> PlanSpec.defaults().withKeep(Map.of("spark.executor.cores", " ")));
  }
}
