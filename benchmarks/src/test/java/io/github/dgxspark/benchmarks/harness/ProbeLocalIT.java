package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.hardware.HardwareProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For this machine's own probe, the optimizer's local-mode config runs every harness workload to
 * completion in local mode, and Spark runs with the recommended master, parallelism and settings
 * (read back from the session and from the event log).
 */
class ProbeLocalIT {
  /** A small scale: the ITs prove the config works, the harness measures speed. */
  static final double SCALE = 0.02;

  @TempDir Path tmp;

  static Stream<String> workloads() {
    return Workloads.all().stream().map(w -> w.type().id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workloads")
  void probeConfig_localMode_runsTheWorkloadToCompletion(String id) throws Exception {
    SparkWorkload workload = Workloads.byId(id);
    ClusterSpec cluster = ClusterSpec.single(HardwareProbe.local().node(), ClusterManager.LOCAL);
    SparkConfig config =
        SparkConfigOptimizer.optimize(
                cluster,
                WorkloadSpec.of(workload.type(), workload.inputBytes(SCALE), ExecutionMode.CPU))
            .config();
    assertTrue(
        SparkConfChecks.problems(config).isEmpty(), SparkConfChecks.problems(config).toString());
    Path events = java.nio.file.Files.createDirectories(tmp.resolve("events"));
    SparkSession.Builder b = SparkSession.builder();
    config.entries().forEach(b::config);
    b.config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.eventLog.enabled", "true")
        .config("spark.eventLog.dir", events.toUri().toString())
        .config("spark.eventLog.rolling.enabled", "false")
        .config("spark.eventLog.compress", "false");
    SparkSession spark = b.getOrCreate();
    String appId = spark.sparkContext().applicationId();
    try {
      String master = config.get("spark.master").orElseThrow();
      assertEquals(master, spark.sparkContext().master());
      int threads = Integer.parseInt(master.replaceAll("\\D", ""));
      assertEquals(threads, SparkRun.executors(spark.sparkContext()).get(0).totalCores());
      assertEquals(
          Integer.parseInt(config.get("spark.default.parallelism").orElseThrow()),
          spark.sparkContext().defaultParallelism());
      WorkloadOutcome outcome =
          ItSupport.withTimeout(spark, 5, () -> workload.run(spark, SCALE, tmp.resolve("work")));
      assertTrue(outcome.inputRows() > 0);
      Checks.outcome(workload, SCALE, outcome);
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
    List<JsonNode> log = ItSupport.events(SparkRun.eventLog(events, appId));
    JsonNode props =
        log.stream()
            .filter(e -> e.path("Event").asText().equals("SparkListenerEnvironmentUpdate"))
            .findFirst()
            .orElseThrow()
            .path("Spark Properties");
    for (String key :
        List.of(
            "spark.sql.shuffle.partitions",
            "spark.serializer",
            "spark.kryoserializer.buffer.max")) {
      assertEquals(config.get(key).orElseThrow(), props.path(key).asText(), key);
    }
    assertTrue(
        log.stream().anyMatch(e -> e.path("Event").asText().equals("SparkListenerApplicationEnd")));
  }
}
