package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.status.api.v1.ExecutorSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimizer's standalone config for a 2-node cluster runs on a real multi-executor cluster
 * ({@code local-cluster}: a master and 2 workers in this JVM, each executor its own JVM), and the
 * executors really get the recommended memory and cores: Spark's status store, the executors' own
 * JVMs and the event log say so. Each worker stands for {@link Deployment#WORKER_NODE} (this 2-core
 * machine is too small for the optimizer's standalone layout, see {@link Deployment}).
 */
class ClusterIT {
  static final Deployment CLUSTER = Deployment.parse("cluster-2");
  static final double SCALE = 0.02;

  @TempDir static Path tmp;
  static SparkSession spark;
  static OptimizationResult recommended;
  static SparkConfig config;
  static Path events;
  static String appId;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
    SparkWorkload etl = Workloads.byId("etl");
    recommended =
        SparkConfigOptimizer.optimize(
            CLUSTER.cluster(Deployment.WORKER_NODE),
            WorkloadSpec.of(WorkloadType.ETL, etl.inputBytes(SCALE), ExecutionMode.CPU));
    config = recommended.config();
    events = Files.createDirectories(tmp.resolve("events"));
    SparkSession.Builder b = SparkSession.builder().master(CLUSTER.master(recommended, Map.of()));
    config.entries().forEach(b::config);
    SparkRun.plumbing(ItSupport.testClassPath()).forEach(b::config);
    b.config("spark.eventLog.dir", events.toUri().toString())
        .config("spark.eventLog.rolling.enabled", "false")
        .config("spark.eventLog.compress", "false");
    spark = b.getOrCreate();
    appId = spark.sparkContext().applicationId();
    SparkRun.awaitExecutors(
        spark.sparkContext(), CLUSTER.expectedExecutors(recommended, config.entries()));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }

  @Test
  void executors_getTheRecommendedCountAndCores() {
    List<ExecutorSummary> executors = SparkRun.executors(spark.sparkContext());
    assertEquals(
        Integer.parseInt(config.get("spark.executor.instances").orElseThrow()), executors.size());
    int cores = Integer.parseInt(config.get("spark.executor.cores").orElseThrow());
    for (ExecutorSummary e : executors) {
      assertEquals(cores, e.totalCores(), "cores of executor " + e.id());
    }
  }

  @Test
  void executorJvms_haveTheRecommendedHeap() {
    long heap = ByteSizes.parseBytes(config.get("spark.executor.memory").orElseThrow());
    int slots = recommended.layout().taskSlots();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Long> maxHeaps =
        ItSupport.withTimeout(
            spark,
            3,
            () ->
                jsc.parallelize(List.of(0, 1, 2, 3, 4, 5, 6, 7), 4 * slots)
                    .map(i -> Runtime.getRuntime().maxMemory())
                    .collect());
    for (long max : maxHeaps) {
      // the JVM reports -Xmx less at most one survivor space; 3 % covers every collector
      assertTrue(Math.abs(max - heap) <= 0.03 * heap, "executor max heap " + max + " vs " + heap);
    }
  }

  @Test
  void etlAndSql_runToCompletionOnTheCluster() {
    for (String id : List.of("etl", "sql-analytics")) {
      SparkWorkload w = Workloads.byId(id);
      WorkloadOutcome o =
          ItSupport.withTimeout(spark, 5, () -> w.run(spark, SCALE, tmp.resolve("work-" + id)));
      Checks.outcome(w, SCALE, o);
    }
  }

  @Test
  void eventLog_recordsTheRecommendedExecutorResources() {
    // the in-progress log is flushed per event; read what is there so far
    Path log = events.resolve(appId + ".inprogress");
    List<JsonNode> evs =
        ItSupport.events(Files.exists(log) ? log : SparkRun.eventLog(events, appId));
    JsonNode requests =
        evs.stream()
            .filter(e -> e.path("Event").asText().equals("SparkListenerResourceProfileAdded"))
            .findFirst()
            .orElseThrow()
            .path("Executor Resource Requests");
    long heapMiB =
        ByteSizes.parseBytes(config.get("spark.executor.memory").orElseThrow()) / ByteSizes.MIB;
    assertEquals(heapMiB, requests.path("memory").path("Amount").asLong());
    int cores = Integer.parseInt(config.get("spark.executor.cores").orElseThrow());
    assertEquals(cores, requests.path("cores").path("Amount").asInt());
    List<Integer> added =
        evs.stream()
            .filter(e -> e.path("Event").asText().equals("SparkListenerExecutorAdded"))
            .map(e -> e.path("Executor Info").path("Total Cores").asInt())
            .collect(Collectors.toList());
    assertEquals(List.of(cores, cores), added);
  }
}
