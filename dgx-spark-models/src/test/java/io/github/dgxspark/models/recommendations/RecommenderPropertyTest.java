package io.github.dgxspark.models.recommendations;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.rules.Finding;
import io.github.dgxspark.rules.RuleBook;
import io.github.dgxspark.rules.Severity;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RecommenderPropertyTest {
  private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("spark.executor.memory", List.of("1g", "8g", "40g", "300g"));
    VALUES.put("spark.executor.cores", List.of("1", "5", "16", "64"));
    VALUES.put("spark.sql.shuffle.partitions", List.of("1", "200", "100000"));
    VALUES.put(
        "spark.serializer",
        List.of(
            "org.apache.spark.serializer.JavaSerializer",
            "org.apache.spark.serializer.KryoSerializer"));
    VALUES.put("spark.sql.adaptive.enabled", List.of("true", "false"));
    VALUES.put("spark.driver.maxResultSize", List.of("0", "2g"));
    VALUES.put("spark.kryoserializer.buffer.max", List.of("64m", "1024m"));
    VALUES.put("spark.rapids.sql.concurrentGpuTasks", List.of("1", "4", "16"));
  }

  /** Each key of {@link #VALUES} absent 4 times in 10, otherwise one of its values. */
  private static Gen<SparkConfig> configs() {
    Gen<Map<String, String>> config = Generate.constant(Map.of());
    for (Map.Entry<String, List<String>> e : VALUES.entrySet()) {
      config =
          config.zip(
              arbitrary().pick(e.getValue()).toOptionals(40),
              (m, value) -> {
                Map<String, String> more = new LinkedHashMap<>(m);
                value.ifPresent(v -> more.put(e.getKey(), v));
                return more;
              });
    }
    return config.map(SparkConfig::new);
  }

  private static Gen<ClusterSpec> clusters() {
    return integers()
        .between(0, 8)
        .zip(
            integers().between(1, 4),
            (gpus, nodes) -> {
              NodeSpec node =
                  new NodeSpec(
                      "",
                      128,
                      64,
                      2,
                      2,
                      1024 * ByteSizes.GIB,
                      Collections.nCopies(
                          gpus,
                          new GpuSpec("NVIDIA A100-SXM4-80GB", 80 * ByteSizes.GIB, "8.0", 12)),
                      false,
                      0,
                      List.of());
              return ClusterSpec.of(node, nodes, ClusterManager.STANDALONE);
            });
  }

  /**
   * Each example optimizes and validates twice (about a third of a second), so shrinking a failure
   * stops after 200 steps instead of QuickTheories' 100000.
   */
  @Test
  void appliedSetHasNoErrorOrWarningBeyondUnresolved() {
    qt().withExamples(40)
        .withShrinkCycles(200)
        .forAll(configs(), clusters(), arbitrary().enumValues(WorkloadType.class))
        .check(
            (config, cluster, type) -> {
              ExecutionMode mode =
                  cluster.node().gpuCount() > 0 ? ExecutionMode.GPU : ExecutionMode.CPU;
              RecommendationReport r =
                  Recommender.generateRecommendations(
                      config, cluster, WorkloadSpec.of(type, 500 * ByteSizes.GIB, mode));
              for (Finding f :
                  RuleBook.builtIn().validate(r.proposed(), Optional.of(cluster)).findings()) {
                if (f.severity() != Severity.INFO
                    && r.unresolved().stream().noneMatch(u -> u.startsWith(f.ruleId() + " "))) {
                  return false;
                }
              }
              return true;
            });
  }

  /** Shrinks at most 200 steps, as {@link #appliedSetHasNoErrorOrWarningBeyondUnresolved()}. */
  @Test
  void noKeyIsSetTwiceAndSameInputGivesSameOutput() {
    qt().withExamples(40)
        .withShrinkCycles(200)
        .forAll(configs(), clusters())
        .check(
            (config, cluster) -> {
              ExecutionMode mode =
                  cluster.node().gpuCount() > 0 ? ExecutionMode.GPU : ExecutionMode.CPU;
              WorkloadSpec w = WorkloadSpec.of(WorkloadType.ETL, ByteSizes.TIB, mode);
              RecommendationReport r = Recommender.generateRecommendations(config, cluster, w);
              Set<String> keys = new HashSet<>();
              boolean distinct =
                  r.recommendations().stream()
                      .flatMap(x -> x.changes().stream())
                      .allMatch(c -> keys.add(c.key()));
              return distinct && r.equals(Recommender.generateRecommendations(config, cluster, w));
            });
  }
}
