package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.hardware.HardwareProfiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The optimizer's config for every built-in DGX profile × workload type × CPU/GPU mode × cluster
 * manager is accepted by Spark 4.1's own config parsing, and a real SparkSession runs with it (keys
 * that only make sense on the target cluster, such as the RAPIDS plugin and GPU resources, are
 * checked by Spark's parsers instead of being loaded).
 */
class GeneratedConfigIT {
  private static final long INPUT_BYTES = 64 * ByteSizes.GIB;
  private static final ExecutionMode[] MODES = {ExecutionMode.CPU, ExecutionMode.GPU};

  private SparkSession spark;

  @AfterEach
  void stop() {
    if (spark != null) {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }

  private static OptimizationResult optimize(
      String profile, ClusterManager manager, WorkloadType type, ExecutionMode mode) {
    int nodes = manager == ClusterManager.LOCAL ? 1 : 2;
    return SparkConfigOptimizer.optimize(
        HardwareProfiles.cluster(profile, nodes, manager),
        WorkloadSpec.of(type, INPUT_BYTES, mode));
  }

  @Test
  void everyProfileWorkloadModeAndManager_parsesWithSparksOwnConfigEntries() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String profile : HardwareProfiles.names()) {
      for (WorkloadType type : WorkloadType.values()) {
        for (ExecutionMode mode : MODES) {
          for (ClusterManager manager : ClusterManager.values()) {
            SparkConfig config = optimize(profile, manager, type, mode).config();
            for (String p : SparkConfChecks.problems(config)) {
              failures.add(
                  profile + "/" + type.id() + "/" + mode.id() + "/" + manager.id() + ": " + p);
            }
            checked++;
          }
        }
      }
    }
    assertEquals(10 * WorkloadType.values().length * 2 * 4, checked);
    assertTrue(
        failures.isEmpty(), failures.size() + " problem(s):\n" + String.join("\n", failures));
  }

  @Test
  void checks_badValuesAndTypos_areReported() {
    SparkConfig good =
        optimize("dgx-h100", ClusterManager.STANDALONE, WorkloadType.ETL, ExecutionMode.GPU)
            .config();
    assertTrue(
        SparkConfChecks.problems(good).isEmpty(), () -> SparkConfChecks.problems(good).toString());
    Map<String, String> bad =
        Map.of(
            "spark.executor.memry", "4g",
            "spark.executor.memory", "1.5g",
            "spark.sql.shuffle.partitions", "-1",
            "spark.sql.adaptive.enabled", "maybe",
            "spark.executor.cores", "abc",
            "spark.task.resource.gpu.amount", "0.7",
            "spark.rapids.sql.concurrentGpuTasks", "four");
    bad.forEach(
        (k, v) ->
            assertFalse(
                SparkConfChecks.problems(good.with(k, v)).isEmpty(),
                k + "=" + v + " not reported"));
  }

  @Test
  void realSession_everyProfileAndMode_runsAJobWithTheConfig() {
    List<String> profiles = HardwareProfiles.names();
    WorkloadType[] types = WorkloadType.values();
    int sessions = 0;
    for (int p = 0; p < profiles.size(); p++) {
      for (int m = 0; m < MODES.length; m++) {
        // rotate the workload type so that the 20 sessions cover all 7 types
        WorkloadType type = types[(2 * p + m) % types.length];
        SparkConfig config =
            optimize(profiles.get(p), ClusterManager.STANDALONE, type, MODES[m]).config();
        SparkSession.Builder b =
            SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        config
            .entries()
            .forEach(
                (k, v) -> {
                  if (!targetOnly(k)) {
                    b.config(k, v);
                  }
                });
        spark = b.getOrCreate();
        String where = profiles.get(p) + "/" + type.id() + "/" + MODES[m].id();
        assertEquals(
            config.get("spark.sql.shuffle.partitions").orElseThrow(),
            spark.conf().get("spark.sql.shuffle.partitions"),
            where);
        assertEquals(
            10,
            spark.range(0, 1000, 1, 2).groupBy("id").count().where("id % 100 = 0").count(),
            where);
        // an RDD shuffle goes through the configured serializer (Kryo) and its buffer limit
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long keys =
            jsc.parallelize(Arrays.asList(1, 2, 3, 4, 5, 6, 7, 8), 4)
                .mapToPair(i -> new Tuple2<>(i % 3, i))
                .reduceByKey(Integer::sum, 2)
                .count();
        assertEquals(3, keys, where);
        assertEquals(
            config.get("spark.serializer").orElseThrow(),
            spark.sparkContext().getConf().get("spark.serializer"),
            where);
        stop();
        spark = null;
        sessions++;
      }
    }
    assertEquals(20, sessions);
  }

  /**
   * Keys that name things only the target cluster has: the master, RAPIDS (its plugin, shuffle
   * manager and Kryo registrator classes live in the RAPIDS jar), GPU resources.
   */
  static boolean targetOnly(String key) {
    return key.equals("spark.master")
        || key.equals("spark.plugins")
        || key.equals("spark.shuffle.manager")
        || key.equals("spark.kryo.registrator")
        || key.startsWith("spark.rapids.")
        || key.matches("spark\\.(executor|task|worker|driver)\\.resource\\..*");
  }
}
