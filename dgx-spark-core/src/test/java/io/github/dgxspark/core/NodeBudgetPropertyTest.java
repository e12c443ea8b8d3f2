package io.github.dgxspark.core;

import static io.github.dgxspark.core.ByteSizes.GIB;
import static io.github.dgxspark.core.ByteSizes.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Invariants of the optimizer's node budget (issue 19): every core and byte of a node is accounted
 * for, the driver is counted once, the RAPIDS shuffle manager matches the Spark version and Kryo on
 * the GPU registers the plugin's classes.
 */
class NodeBudgetPropertyTest {
  private static final int EXAMPLES = 400;
  private static final List<String> SUPPORTED =
      List.of("3.3.0", "3.3.4", "3.4.1", "3.5.0", "3.5.8", "4.0.0", "4.0.3", "4.1.1");

  /** One generated request: a cluster, a workload and the plan around them. */
  record Case(ClusterSpec cluster, WorkloadSpec workload, PlanSpec plan) {
    Optional<OptimizationResult> optimize() {
      try {
        return Optional.of(SparkConfigOptimizer.optimize(cluster, workload, plan));
      } catch (DgxSparkException tooSmall) {
        return Optional.empty();
      }
    }
  }

  static Gen<Case> cases() {
    Gen<Integer> cores = integers().between(2, 256);
    Gen<Long> memoryGib = longs().between(4, 2048);
    Gen<Integer> gpus = integers().between(0, 8);
    Gen<Long> gpuMemoryGib = longs().between(8, 192);
    Gen<Integer> nodes = integers().between(1, 8);
    Gen<Integer> pick = integers().between(0, 1_000_000);
    Gen<Boolean> flag = booleans().all();
    return in -> {
      int c = cores.generate(in);
      long memory = memoryGib.generate(in) * GIB + longs().between(0, 1023).generate(in) * MIB;
      int g = gpus.generate(in);
      boolean unified = g == 1 && flag.generate(in);
      List<GpuSpec> list =
          Collections.nCopies(
              g,
              new GpuSpec(
                  "NVIDIA Test GPU", unified ? memory : gpuMemoryGib.generate(in) * GIB, "9.0", 0));
      int numa = 1 << integers().between(0, 3).generate(in);
      NodeSpec node =
          new NodeSpec("cpu", c, Math.max(1, c / 2), 2, numa, memory, list, unified, 0, List.of());
      ClusterManager manager = ClusterManager.values()[pick.generate(in) % 4];
      int n = manager == ClusterManager.LOCAL ? 1 : nodes.generate(in);
      ClusterSpec cluster = ClusterSpec.of(node, n, manager);
      WorkloadType type = WorkloadType.values()[pick.generate(in) % WorkloadType.values().length];
      OptionalLong input =
          flag.generate(in)
              ? OptionalLong.of(longs().between(0, 1L << 44).generate(in))
              : OptionalLong.empty();
      ExecutionMode mode = ExecutionMode.values()[pick.generate(in) % 3];
      Language language = flag.generate(in) ? Language.JVM : Language.PYTHON;
      WorkloadSpec workload = new WorkloadSpec(type, input, List.of(), mode, language);
      SparkVersion version =
          SparkVersion.parse(SUPPORTED.get(pick.generate(in) % SUPPORTED.size()));
      DeployMode deploy = flag.generate(in) ? DeployMode.CLIENT : DeployMode.CLUSTER;
      Map<String, String> keep =
          flag.generate(in)
              ? Map.of("spark.kryo.registrator", "com.example.MyRegistrator")
              : Map.of();
      PlanSpec plan =
          PlanSpec.defaults().withSparkVersion(version).withDeployMode(deploy).withKeep(keep);
      return new Case(cluster, workload, plan);
    };
  }

  @Test
  void coresUsedPlusReservePlusDriverPlusIdleAreTheNodesCores() {
    qt().withExamples(EXAMPLES)
        .forAll(cases())
        .checkAssert(
            c ->
                c.optimize()
                    .ifPresent(
                        r -> {
                          ExecutorLayout l = r.layout();
                          NodeSpec node = c.cluster().node();
                          int used =
                              l.executorsPerNode() * l.executorCores()
                                  + l.reservedCores()
                                  + l.driverCoresPerNode()
                                  + l.idleCores();
                          assertEquals(node.logicalCores(), used, l::toString);
                          // the OS reserve is at most max(1 core, 4 %)
                          assertTrue(
                              l.reservedCores() <= Math.max(1, node.logicalCores() * 4 / 100),
                              l::toString);
                          if (l.driverPlacement() == DriverPlacement.NODE_LEFTOVER) {
                            assertTrue(l.idleCores() >= l.driverCores(), l::toString);
                          }
                        }));
  }

  @Test
  void memoryPartsSumToTheNodesMemory() {
    qt().withExamples(EXAMPLES)
        .forAll(cases())
        .checkAssert(
            c ->
                c.optimize()
                    .ifPresent(
                        r -> {
                          ExecutorLayout l = r.layout();
                          long sum =
                              l.executorsPerNode() * l.executorFootprintBytes()
                                  + l.reservedMemoryBytes()
                                  + l.gpuHostMemoryBytes()
                                  + l.driverMemoryPerNodeBytes()
                                  + l.idleMemoryBytes();
                          assertEquals(c.cluster().node().memoryBytes(), sum, l::toString);
                          assertEquals(
                              l.memoryOverheadBytes(),
                              l.pinnedPoolBytes() + l.hostSpillBytes() + l.otherOverheadBytes());
                          assertTrue(l.otherOverheadBytes() >= 384 * MIB, l::toString);
                          if (l.driverPlacement() == DriverPlacement.NODE_LEFTOVER) {
                            assertTrue(
                                l.idleMemoryBytes()
                                    >= l.driverMemoryBytes() + l.driverMemoryOverheadBytes(),
                                l::toString);
                          }
                        }));
  }

  @Test
  void everyPartOfTheNodesMemoryIsNamedInTheHeapsReason() {
    qt().withExamples(EXAMPLES)
        .forAll(cases())
        .checkAssert(
            c ->
                c.optimize()
                    .ifPresent(
                        r -> {
                          ExecutorLayout l = r.layout();
                          boolean local = c.cluster().manager() == ClusterManager.LOCAL;
                          String budget =
                              r.reasons()
                                  .get(local ? "spark.driver.memory" : "spark.executor.memory");
                          List<Long> parts = new ArrayList<>();
                          parts.add(c.cluster().node().memoryBytes());
                          parts.add(l.executorMemoryBytes());
                          parts.add(l.memoryOverheadBytes());
                          parts.add(l.reservedMemoryBytes());
                          parts.add(l.idleMemoryBytes());
                          if (r.mode() == ExecutionMode.GPU) {
                            parts.add(l.pinnedPoolBytes());
                            parts.add(l.hostSpillBytes());
                            parts.add(l.otherOverheadBytes());
                          }
                          if (l.driverMemoryPerNodeBytes() > 0) {
                            parts.add(l.driverMemoryPerNodeBytes());
                          }
                          if (l.gpuHostMemoryBytes() > 0) {
                            parts.add(l.gpuHostMemoryBytes());
                          }
                          for (long part : parts) {
                            assertTrue(
                                budget.contains(ByteSizes.human(part)),
                                () -> ByteSizes.human(part) + " missing from: " + budget);
                          }
                        }));
  }

  /** The same request on at least two nodes of a cluster manager, the driver in client mode. */
  static Case onTwoOrMoreNodesInClientMode(Case c) {
    ClusterSpec k = c.cluster();
    ClusterManager manager =
        k.manager() == ClusterManager.LOCAL ? ClusterManager.STANDALONE : k.manager();
    return new Case(
        ClusterSpec.of(k.node(), Math.max(2, k.nodeCount()), manager),
        c.workload(),
        c.plan().withDeployMode(DeployMode.CLIENT));
  }

  @Test
  void clientModeOnTwoOrMoreNodes_executorsUseEveryCoreButTheReserve() {
    qt().withExamples(EXAMPLES)
        .forAll(cases().map(NodeBudgetPropertyTest::onTwoOrMoreNodesInClientMode))
        .checkAssert(
            c ->
                c.optimize()
                    .ifPresent(
                        r -> {
                          ExecutorLayout l = r.layout();
                          NodeSpec node = c.cluster().node();
                          assertEquals(DriverPlacement.SUBMITTING_HOST, l.driverPlacement());
                          assertEquals(0, l.driverCoresPerNode());
                          assertEquals(0, l.driverMemoryPerNodeBytes());
                          if (r.mode() == ExecutionMode.GPU) {
                            // one executor per GPU takes an equal share: only the remainder idles
                            assertTrue(l.idleCores() < node.gpuCount(), l::toString);
                          } else if (node.memoryBytes() / (2 * GIB) >= node.logicalCores()) {
                            // not short of memory: at most a NUMA-even set of executors idles
                            assertTrue(
                                l.idleCores() < l.executorCores() * node.numaNodes(), l::toString);
                          }
                        }));
  }

  @Test
  void shuffleModeAlwaysComesWithTheShuffleManagerOfTheSparkVersion() {
    qt().withExamples(EXAMPLES)
        .forAll(cases())
        .checkAssert(
            c ->
                c.optimize()
                    .ifPresent(
                        r -> {
                          SparkConfig conf = r.config();
                          if (conf.get("spark.rapids.shuffle.mode").isPresent()) {
                            // the shim package is the version's digits (rapids-shuffle.md table)
                            String digits = c.plan().sparkVersion().toString().replace(".", "");
                            assertEquals(
                                Optional.of(
                                    "com.nvidia.spark.rapids.spark"
                                        + digits
                                        + ".RapidsShuffleManager"),
                                conf.get("spark.shuffle.manager"));
                          }
                          assertEquals(
                              r.mode() == ExecutionMode.GPU,
                              conf.get("spark.rapids.shuffle.mode").isPresent());
                        }));
  }

  @Test
  void kryoOnTheGpuAlwaysRegistersTheRapidsClasses() {
    qt().withExamples(EXAMPLES)
        .forAll(cases())
        .checkAssert(
            c ->
                c.optimize()
                    .ifPresent(
                        r -> {
                          SparkConfig conf = r.config();
                          boolean kryo =
                              conf.get("spark.serializer").orElse("").contains("KryoSerializer");
                          if (kryo && r.mode() == ExecutionMode.GPU) {
                            List<String> registrators =
                                List.of(
                                    conf.get("spark.kryo.registrator").orElseThrow().split(","));
                            assertTrue(
                                registrators.contains("com.nvidia.spark.rapids.GpuKryoRegistrator"),
                                registrators::toString);
                            c.plan()
                                .keep()
                                .values()
                                .forEach(
                                    kept ->
                                        assertTrue(
                                            registrators.contains(kept), registrators::toString));
                            assertTrue(
                                ByteSizes.parseBytes(
                                        conf.get("spark.kryoserializer.buffer.max").orElseThrow())
                                    >= 512 * MIB);
                          }
                        }));
  }
}
