package io.github.dgxspark.models.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceHistoryTest {
  @TempDir Path dir;

  static PerformanceRun run(
      String workload, int executors, int cores, long inputBytes, long millis) {
    return run(workload, executors, cores, inputBytes, millis, 0);
  }

  static PerformanceRun run(
      String workload, int executors, int cores, long inputBytes, long millis, int machineCores) {
    return new PerformanceRun(
        "test",
        workload,
        1,
        inputBytes,
        executors,
        cores,
        0,
        0,
        SparkConfig.empty(),
        Duration.ofMillis(millis),
        "test machine",
        machineCores,
        "4.1.3",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void append_thenLoad_roundTripsAndKeepsOtherFields() throws IOException {
    Path file = dir.resolve("h.json");
    Files.writeString(
        file,
        "{\"runs\":[{\"source\":\"dgx-spark harness\",\"workload\":\"etl\","
            + "\"executors\":1,\"executorCores\":2,\"wallTimeMillis\":24507,\"sparkVersion\":\"4.1.3\","
            + "\"machine\":{\"description\":\"2 cores\"},\"inputRows\":500000}]}");
    PerformanceRun added = run("etl", 2, 2, 1000, 12000);
    PerformanceHistory h = PerformanceHistory.append(file, added);
    assertEquals(2, h.runs().size());
    assertEquals(added, PerformanceHistory.load(file).runs().get(1));
    assertTrue(Files.readString(file).contains("\"inputRows\" : 500000"), "unknown fields kept");
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void appendWithProvenance_writesExtraFieldsAndStaysReadable() throws IOException {
    Path file = dir.resolve("p.json");
    PerformanceRun first = run("etl", 1, 2, 1000, 5000);
    PerformanceRun second = run("graph", 2, 2, 2000, 7000);
    PerformanceHistory h =
        PerformanceHistory.append(
            file,
            List.of(first, second),
            List.of(
                Map.of("configKind", "default", "machine", Map.of("memoryBytes", 8)),
                Map.of("configKind", "recommended")));
    assertEquals(List.of(first, second), h.runs());
    assertEquals(h, PerformanceHistory.load(file));
    JsonNode runs = new ObjectMapper().readTree(file.toFile()).path("runs");
    assertEquals("default", runs.get(0).path("configKind").asText());
    assertEquals("recommended", runs.get(1).path("configKind").asText());
    assertEquals("test machine", runs.get(0).path("machine").path("description").asText());
    assertEquals(8, runs.get(0).path("machine").path("memoryBytes").asInt());
  }

  @Test
  void machineCores_roundTripsAndCapsTheCoresUsed() throws IOException {
    Path file = dir.resolve("m.json");
    // the harness's cluster-2: 2 executors x 2 cores = 4 slots on a 2-core machine
    PerformanceRun sharedMachine = run("etl", 2, 2, 1000, 5000, 2);
    PerformanceRun unknown = run("etl", 2, 2, 1000, 5000, 0);
    PerformanceRun bigMachine = run("etl", 2, 2, 1000, 5000, 64);
    assertEquals(2, sharedMachine.coresUsed());
    assertEquals(4, unknown.coresUsed());
    assertEquals(4, bigMachine.coresUsed());
    PerformanceHistory.append(file, List.of(sharedMachine, unknown), List.of(Map.of(), Map.of()));
    assertEquals(List.of(sharedMachine, unknown), PerformanceHistory.load(file).runs());
    JsonNode runs = new ObjectMapper().readTree(file.toFile()).path("runs");
    assertEquals(2, runs.get(0).path("machine").path("logicalCores").asInt());
    assertTrue(runs.get(1).path("machine").path("logicalCores").isMissingNode());
  }

  @Test
  void machineCores_negativeOrNotAWholeNumber_named() throws IOException {
    ModelsException e = assertThrows(ModelsException.class, () -> run("etl", 1, 1, 1, 1, -1));
    assertTrue(e.getMessage().contains("machineCores is -1"), e.getMessage());
    Path file = dir.resolve("c.json");
    Files.writeString(
        file,
        "{\"runs\":[{\"source\":\"x\",\"workload\":\"etl\",\"executors\":1,"
            + "\"executorCores\":1,\"wallTimeMillis\":5,"
            + "\"machine\":{\"description\":\"m\",\"logicalCores\":\"two\"}}]}");
    e = assertThrows(ModelsException.class, () -> PerformanceHistory.load(file));
    assertTrue(e.getMessage().contains("'machine.logicalCores' is \"two\""), e.getMessage());
  }

  @Test
  void appendWithProvenance_fieldOfTheRun_failsAndLeavesFileAlone() throws IOException {
    Path file = dir.resolve("p.json");
    PerformanceHistory.append(file, run("etl", 1, 1, 1, 1));
    String before = Files.readString(file);
    List<PerformanceRun> one = List.of(run("etl", 1, 1, 1, 2));
    ModelsException e =
        assertThrows(
            ModelsException.class,
            () -> PerformanceHistory.append(file, one, List.of(Map.of("executors", 3))));
    assertTrue(e.getMessage().contains("'executors'"), e.getMessage());
    e =
        assertThrows(
            ModelsException.class,
            () ->
                PerformanceHistory.append(
                    file, one, List.of(Map.of("machine", Map.of("description", "other")))));
    assertTrue(e.getMessage().contains("'machine.description'"), e.getMessage());
    assertThrows(ModelsException.class, () -> PerformanceHistory.append(file, one, List.of()));
    assertEquals(before, Files.readString(file));
  }

  @Test
  void load_badEntry_namesFileAndEntry() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        "{\"runs\":[{\"source\":\"x\",\"workload\":\"etl\",\"executors\":0,"
            + "\"executorCores\":1,\"wallTimeMillis\":5,\"machine\":\"m\"}]}");
    ModelsException e = assertThrows(ModelsException.class, () -> PerformanceHistory.load(file));
    assertTrue(e.getMessage().contains("bad.json, run 0"), e.getMessage());
    assertTrue(e.getMessage().contains("executors is 0"), e.getMessage());
    Files.writeString(file, "[1,2]");
    assertThrows(ModelsException.class, () -> PerformanceHistory.load(file));
    assertThrows(
        ModelsException.class, () -> PerformanceHistory.append(file, run("etl", 1, 1, 1, 1)));
    assertEquals("[1,2]", Files.readString(file), "a file that is not a history is left alone");
  }

  @Test
  void builtIn_onlyMeasuredRunsWithProvenance() {
    PerformanceHistory h = PerformanceHistory.builtIn();
    for (PerformanceRun r : h.runs()) {
      assertTrue(
          r.source().equals(PerformanceRun.HARNESS) || r.source().equals(PerformanceRun.EVENT_LOG),
          r.source());
      assertFalse(r.machine().isBlank());
      assertFalse(r.sparkVersion().isBlank());
      assertTrue(r.eventLog().isPresent() || r.applicationId().isPresent(), "provenance " + r);
    }
  }

  @Test
  void fromProfile_realLog_readsDurationExecutorsAndInput() throws IOException {
    ApplicationProfile p = ReplayTest.profile("gpu_oom_eventlog.zstd");
    PerformanceRun r =
        PerformanceRun.fromProfile(
            p, WorkloadType.SQL_ANALYTICS, "NDS cluster", "gpu_oom_eventlog.zstd");
    assertEquals(p.duration().orElseThrow(), r.wallTime());
    assertEquals(2, r.executors());
    assertEquals(16, r.executorCores());
    assertEquals(1, r.gpusPerExecutor());
    assertEquals(p.totals().inputBytes(), r.inputBytes());
    assertEquals("3.3.1", r.sparkVersion());
    assertTrue(r.config().get("spark.rapids.sql.concurrentGpuTasks").isPresent());
  }

  @Test
  void fromEventLog_realLog_keepsProvenance() {
    ApplicationProfile p = ReplayTest.profile("gpu_oom_eventlog.zstd");
    Instant at = Instant.parse("2026-12-02T08:00:00Z");
    PerformanceRun r = PerformanceRun.fromEventLog(p, "/logs/gpu_oom_eventlog.zstd", at);
    assertEquals(PerformanceRun.EVENT_LOG, r.source());
    assertEquals(Optional.of("/logs/gpu_oom_eventlog.zstd"), r.eventLog());
    assertEquals(p.applicationId(), r.applicationId());
    assertEquals("user event log: master " + p.master().orElseThrow(), r.machine());
    assertTrue(r.machine().contains("spark://"), r.machine());
    assertEquals("3.3.1", r.sparkVersion());
    assertEquals(Optional.of(at), r.recordedAt());
  }

  @Test
  void predictPerformance_ernestOnNoiseFreeRuns_recoversAndFlagsThinData() {
    double[] theta = {2000, 3e-6, 500, 10};
    List<PerformanceRun> runs = new ArrayList<>();
    int[] execs = {1, 2, 4, 8, 16, 3};
    long[] sizes = {1L << 30, 2L << 30, 4L << 30, 1L << 30, 8L << 30, 3L << 30};
    for (int i = 0; i < execs.length; i++) {
      runs.add(
          run(
              "etl",
              execs[i],
              4,
              sizes[i],
              Math.round(Ernest.predict(theta, sizes[i], execs[i] * 4))));
    }
    PerformanceHistory h = new PerformanceHistory("synthetic", runs);
    ClusterSpec c =
        new ClusterSpec(NodeSpec.cpuOnly(64, 512L << 30), 4, 0, ClusterManager.STANDALONE);
    SparkConfig conf =
        SparkConfig.empty()
            .with("spark.executor.instances", "12")
            .with("spark.executor.cores", "4");
    PerformancePrediction p =
        PerformanceModels.predictPerformance(
            conf, c, WorkloadSpec.of(WorkloadType.ETL, 6L << 30, ExecutionMode.CPU), h);
    double truth = Ernest.predict(theta, 6L << 30, 48);
    assertEquals(truth, p.expected().orElseThrow().toMillis(), truth * 0.01);
    assertTrue(p.interval().orElseThrow().low() <= p.expected().get().toMillis());
    assertFalse(p.thinData(), "6 runs at 6 core counts");
    PerformancePrediction thin =
        PerformanceModels.predictPerformance(
            conf,
            c,
            WorkloadSpec.of(WorkloadType.ETL, 6L << 30, ExecutionMode.CPU),
            new PerformanceHistory("two", runs.subList(0, 2)));
    assertTrue(thin.thinData());
    PerformancePrediction none =
        PerformanceModels.predictPerformance(
            conf, c, WorkloadSpec.of(WorkloadType.GRAPH, 1, ExecutionMode.CPU), h);
    assertTrue(none.expected().isEmpty());
    assertTrue(none.reason().contains("no measured run"), none.reason());
  }

  @Test
  void predictPerformance_farBeyondMeasuredCores_flaggedAsExtrapolation() {
    double[] theta = {2000, 3e-6, 500, 10};
    List<PerformanceRun> runs = new ArrayList<>();
    int[] execs = {1, 2, 4, 8, 16, 3};
    for (int e : execs) {
      runs.add(run("etl", e, 4, 1L << 30, Math.round(Ernest.predict(theta, 1L << 30, e * 4))));
    }
    SparkConfig conf =
        SparkConfig.empty()
            .with("spark.executor.instances", "64")
            .with("spark.executor.cores", "16");
    PerformancePrediction p =
        PerformanceModels.predictPerformance(
            conf,
            new ClusterSpec(NodeSpec.cpuOnly(224, 2048L << 30), 8, 0, ClusterManager.STANDALONE),
            WorkloadSpec.of(WorkloadType.ETL, 1L << 30, ExecutionMode.CPU),
            new PerformanceHistory("synthetic", runs));
    assertTrue(p.thinData(), "1024 cores against runs of 4-64 cores");
    assertTrue(p.reason().contains("extrapolation"), p.reason());
  }

  @Test
  void predictPerformance_twoCoreCounts_fitsOnlyConstantAndPerCoreTerms() {
    double[] theta = {2000, 3e-6, 0, 0};
    List<PerformanceRun> runs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int e = i % 2 == 0 ? 2 : 4;
      long size = (1L + i) << 30;
      runs.add(run("etl", e, 4, size, Math.round(Ernest.predict(theta, size, e * 4) * 1.5 + 900)));
    }
    ErnestModel m = PerformanceModels.fitErnest("etl", new PerformanceHistory("two counts", runs));
    assertEquals(0, m.theta2Millis());
    assertEquals(0, m.theta3Millis());
  }
}
