package io.github.dgxspark.models.recommendations;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

  @Provide
  Arbitrary<SparkConfig> configs() {
    List<Arbitrary<Optional<String>>> parts =
        VALUES.values().stream()
            .map(
                v ->
                    Arbitraries.of(v)
                        .map(Optional::of)
                        .injectNull(0.4)
                        .map(o -> o == null ? Optional.<String>empty() : o))
            .toList();
    return Combinators.combine(parts)
        .as(
            list -> {
              Map<String, String> m = new LinkedHashMap<>();
              int i = 0;
              for (String k : VALUES.keySet()) {
                list.get(i++).ifPresent(v -> m.put(k, v));
              }
              return new SparkConfig(m);
            });
  }

  @Provide
  Arbitrary<ClusterSpec> clusters() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 8), Arbitraries.integers().between(1, 4))
        .as(
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

  @Property(tries = 40)
  boolean appliedSetHasNoErrorOrWarningBeyondUnresolved(
      @ForAll("configs") SparkConfig config,
      @ForAll("clusters") ClusterSpec cluster,
      @ForAll WorkloadType type) {
    ExecutionMode mode = cluster.node().gpuCount() > 0 ? ExecutionMode.GPU : ExecutionMode.CPU;
    RecommendationReport r =
        Recommender.generateRecommendations(
            config, cluster, WorkloadSpec.of(type, 500 * ByteSizes.GIB, mode));
    for (Finding f : RuleBook.builtIn().validate(r.proposed(), Optional.of(cluster)).findings()) {
      if (f.severity() != Severity.INFO
          && r.unresolved().stream().noneMatch(u -> u.startsWith(f.ruleId() + " "))) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 40)
  boolean noKeyIsSetTwiceAndSameInputGivesSameOutput(
      @ForAll("configs") SparkConfig config, @ForAll("clusters") ClusterSpec cluster) {
    ExecutionMode mode = cluster.node().gpuCount() > 0 ? ExecutionMode.GPU : ExecutionMode.CPU;
    WorkloadSpec w = WorkloadSpec.of(WorkloadType.ETL, ByteSizes.TIB, mode);
    RecommendationReport r = Recommender.generateRecommendations(config, cluster, w);
    Set<String> keys = new HashSet<>();
    boolean distinct =
        r.recommendations().stream()
            .flatMap(x -> x.changes().stream())
            .allMatch(c -> keys.add(c.key()));
    return distinct && r.equals(Recommender.generateRecommendations(config, cluster, w));
  }
}
