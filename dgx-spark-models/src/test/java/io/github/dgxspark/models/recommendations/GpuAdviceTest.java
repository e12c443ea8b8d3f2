package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.RealLogs;
import io.github.dgxspark.models.perf.BottleneckDetector;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * For every GPU log of the corpus, what a RAPIDS engineer reads in its raw events (checked with
 * zstdcat and a JSON walk of the plans, task ends and environment), and that the advice says it.
 */
class GpuAdviceTest {
  private static final String CORPUS = "spark-rapids-tools-corpus/";

  private static String diagnoses(String log) {
    return String.join("\n", RecommenderTest.report(log).diagnoses());
  }

  @Test
  void everyGpuLogOfTheCorpus_isCoveredHere() {
    // the logs whose final plans hold Gpu operators; a new one needs its own test below
    List<String> gpu =
        RealLogs.all().stream()
            .filter(Files::isRegularFile)
            .map(p -> RealLogs.DIR.relativize(p).toString())
            .filter(n -> !RecommenderTest.profile(n).gpuOperatorNames().isEmpty())
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "gds_ucx_eventlog.zstd",
            "gpu_oom_eventlog.zstd",
            "rapids_join_eventlog.zstd",
            CORPUS + "spark-events-profiling__dataset_eventlog",
            CORPUS + "spark-events-profiling__eventlog-gpu-dsv1.zstd",
            CORPUS + "spark-events-profiling__eventlog_minimal_events",
            CORPUS + "spark-events-qualification__gpu_eventlog"),
        gpu);
  }

  @Test
  void gpuOom_poolCappedAtFifteenPercentIsTheCause() {
    // raw events: 112 task ends "GpuSplitAndRetryOOM: GPU OutOfMemory: could not split inputs and
    // retry" in stages 31, 34 and 35, 5 failed jobs; allocFraction 0.1, maxAllocFraction 0.15,
    // concurrentGpuTasks 4, maxPartitionBytes 10gb; scan tasks read up to 1.4 GiB
    String d = diagnoses("gpu_oom_eventlog.zstd");
    assertTrue(d.contains("GPU out-of-memory: 112 task(s) failed in stage(s) [31, 34, 35]"), d);
    assertTrue(d.contains("5 job(s) failed"), d);
    assertTrue(d.contains("GpuSplitAndRetryOOM"), d);
    assertTrue(d.contains("allocFraction 0.1 and is capped at maxAllocFraction 0.15"), d);
    assertTrue(d.contains("4 concurrent GPU tasks (at most 3.8 % of the GPU each)"), d);
    assertTrue(d.contains("1.4 GiB"), d);
    assertTrue(d.contains("The pool cap, not the data, is the first cause"), d);
    // the plugin counts GPU-to-host spill in memoryBytesSpilled: 216.3 GiB over the run
    assertTrue(d.contains("Host spill: GPU tasks spilled 216.3 GiB to host memory"), d);
    assertTrue(d.contains("capped at maxAllocFraction 0.15 forces it"), d);
    // the NDS query 9's scalar subqueries show their pre-GPU plans (isFinalPlan=false): no CPU
    // fallback is claimed for them, and the RAPIDS shuffle manager for 3.3.1 is loaded
    assertFalse(d.contains("CPU fallback"), d);
    assertFalse(d.contains("Shuffle manager not active"), d);
  }

  @Test
  void gdsUcx_smallCpuOperatorsOnlyAndTheShuffleManagerMatches() {
    // raw events: Spark 3.1.1 with com.nvidia.spark.rapids.spark311.RapidsShuffleManager; the
    // final plans keep LocalTableScan (2 executions) and CollectLimit (1) on the CPU
    String d = diagnoses("gds_ucx_eventlog.zstd");
    assertTrue(d.contains("CollectLimit (1 SQL execution)"), d);
    assertTrue(d.contains("LocalTableScan (2 SQL executions)"), d);
    assertFalse(d.contains("Shuffle manager not active"), d);
    assertTrue(RecommenderTest.report("gds_ucx_eventlog.zstd").recommendations().isEmpty());
  }

  @Test
  void rapidsJoin_inputFromAnRddStaysOnTheCpu() {
    // raw events: both join inputs are "Scan[obj#..]" under SerializeFromObject (a Dataset built
    // from local objects), which the plugin cannot read on the GPU; 3 row/columnar transitions
    String d = diagnoses("rapids_join_eventlog.zstd");
    assertTrue(d.contains("Scan (1 SQL execution)"), d);
    assertTrue(d.contains("SerializeFromObject (1 SQL execution)"), d);
    assertTrue(d.contains("3 row/columnar transition(s)"), d);
  }

  @Test
  void datasetLogs_typedLambdasAndTheJsonWriteStayOnTheCpu() {
    // raw events (the two corpus files are the same log): MapElements and Filter with Scala
    // lambdas, DeserializeToObject, and the JSON write (InsertIntoHadoopFsRelationCommand)
    for (String log :
        List.of(
            CORPUS + "spark-events-profiling__dataset_eventlog",
            CORPUS + "spark-events-qualification__gpu_eventlog")) {
      String d = diagnoses(log);
      assertTrue(d.contains("MapElements (1 SQL execution)"), d);
      assertTrue(d.contains("DeserializeToObject"), d);
      assertTrue(d.contains("Execute InsertIntoHadoopFsRelationCommand"), d);
      assertTrue(d.contains("(100 %)"), d);
    }
  }

  @Test
  void textScans_stayOnTheCpu() {
    // raw events: "Scan text" has no GPU reader; csv, json, orc and parquet scans are GpuScan
    String dsv1 = diagnoses(CORPUS + "spark-events-profiling__eventlog-gpu-dsv1.zstd");
    assertTrue(dsv1.contains("Scan text (1 SQL execution)"), dsv1);
    assertFalse(dsv1.contains("Scan csv"), dsv1);
    String minimal = diagnoses(CORPUS + "spark-events-profiling__eventlog_minimal_events");
    assertTrue(minimal.contains("Scan text (2 SQL executions)"), minimal);
    assertTrue(minimal.contains("1 operator(s) stayed on the CPU"), minimal);
  }

  @Test
  void shuffleManagerOfAnotherSparkVersion_diagnosed() {
    // gds_ucx ran Spark 3.1.1; the same log with the 3.3.0 shim's manager would not use it
    ApplicationProfile p = RecommenderTest.profile("gds_ucx_eventlog.zstd");
    SparkConfig wrong =
        ProfileInputs.tuningProperties(p.sparkProperties())
            .with("spark.shuffle.manager", "com.nvidia.spark.rapids.spark330.RapidsShuffleManager");
    List<String> d =
        new Evidence(p, BottleneckDetector.detect(p), wrong, Filters.of(p, wrong)).diagnoses();
    assertTrue(
        d.stream()
            .anyMatch(
                x ->
                    x.startsWith("Shuffle manager not active")
                        && x.contains("com.nvidia.spark.rapids.spark311.RapidsShuffleManager")),
        d.toString());
  }

  @Test
  void cpuLogs_noGpuDiagnosis() {
    assertTrue(
        RecommenderTest.report("eventlog_4nodes_8cores_dynamic_alloc.zstd").diagnoses().isEmpty());
  }
}
