package io.github.dgxspark.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.Language;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Every config the optimizer produces validates with no ERROR and no WARNING finding: built-in-like
 * DGX nodes and generated nodes, every workload type, CPU and GPU mode, 1 to 8 nodes, every cluster
 * manager.
 */
class OptimizedConfigsPropertyTest {
  private static final List<Long> INPUTS = List.of(0L, 10 * ByteSizes.GIB, 2 * ByteSizes.TIB);

  /** Optimizes, validates against the same cluster, and describes every ERROR/WARNING finding. */
  static List<String> problems(ClusterSpec cluster, WorkloadSpec workload) {
    OptimizationResult r;
    try {
      r = SparkConfigOptimizer.optimize(cluster, workload);
    } catch (DgxSparkException e) {
      return List
          .of(); // the optimizer declines the request (e.g. GPU mode without GPUs): nothing to
      // check
    }
    ValidationReport report = RuleBook.builtIn().validate(r.config(), Optional.of(cluster));
    List<String> out = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (f.severity() != Severity.INFO) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s %s on %d x %s/%d cores/%s/%d GPUs under %s, %s %s %s: %s",
                f.severity(),
                f.ruleId(),
                cluster.nodeCount(),
                cluster.node().cpuModel(),
                cluster.node().logicalCores(),
                ByteSizes.human(cluster.node().memoryBytes()),
                cluster.node().gpuCount(),
                cluster.manager().id(),
                workload.type().id(),
                workload.mode().id(),
                workload.language(),
                f.message()));
      }
    }
    return out;
  }

  @Test
  void optimize_builtInNodesEveryWorkloadModeAndManager_validatesClean() {
    List<String> all = new ArrayList<>();
    for (String node : TestHardware.NODES.keySet()) {
      for (ClusterManager manager : ClusterManager.values()) {
        for (int nodes = 1; nodes <= 8; nodes++) {
          if (manager == ClusterManager.LOCAL && nodes > 1) {
            continue;
          }
          ClusterSpec cluster = TestHardware.cluster(node, nodes, manager.id());
          for (WorkloadType type : WorkloadType.values()) {
            for (ExecutionMode mode : List.of(ExecutionMode.CPU, ExecutionMode.GPU)) {
              for (Language language : Language.values()) {
                for (long input : INPUTS) {
                  all.addAll(
                      problems(
                          cluster,
                          new WorkloadSpec(
                              type, OptionalLong.of(input), List.of(), mode, language)));
                }
              }
            }
          }
        }
      }
    }
    assertTrue(
        all.isEmpty(),
        () ->
            all.size()
                + " findings:\n"
                + String.join("\n", all.subList(0, Math.min(40, all.size()))));
  }

  private static Gen<NodeSpec> nodes() {
    Gen<Integer> cores = integers().between(4, 256);
    Gen<Long> memoryGib = longs().between(16, 4096);
    Gen<Integer> gpus = integers().between(0, 8);
    Gen<Long> gpuMemoryGib = arbitrary().pick(16L, 24L, 32L, 40L, 80L, 141L, 180L);
    Gen<Integer> numa = integers().between(1, 8);
    return cores.zip(
        memoryGib,
        gpus,
        gpuMemoryGib,
        numa,
        (c, m, g, gm, n) ->
            new NodeSpec(
                "generated",
                c,
                Math.max(1, c / 2),
                1,
                n,
                m * ByteSizes.GIB,
                Collections.nCopies(
                    g, new GpuSpec("NVIDIA test GPU", gm * ByteSizes.GIB, "9.0", 0)),
                false,
                0,
                List.of()));
  }

  @Test
  void optimizedConfigHasNoErrorOrWarning() {
    qt().withExamples(300)
        .forAll(
            nodes(),
            workloads(),
            integers().between(1, 8),
            arbitrary().enumValues(ClusterManager.class))
        .checkAssert(
            (node, workload, nodeCount, manager) -> {
              int n = manager == ClusterManager.LOCAL ? 1 : nodeCount;
              List<String> p = problems(ClusterSpec.of(node, n, manager), workload);
              assertTrue(p.isEmpty(), () -> String.join("\n", p));
            });
  }

  /**
   * Every workload type, CPU or GPU mode, every language, 0 to 100 TiB of input with every power of
   * two below it as likely as any other (a uniform draw would almost never go below a TiB).
   */
  private static Gen<WorkloadSpec> workloads() {
    Gen<Long> inputs =
        integers()
            .between(0, 47)
            .flatMap(b -> longs().between(0, Math.min(100 * ByteSizes.TIB, 1L << b)));
    return arbitrary()
        .enumValues(WorkloadType.class)
        .zip(
            arbitrary().pick(ExecutionMode.CPU, ExecutionMode.GPU),
            arbitrary().enumValues(Language.class),
            inputs,
            (type, mode, language, input) ->
                new WorkloadSpec(type, OptionalLong.of(input), List.of(), mode, language));
  }
}
