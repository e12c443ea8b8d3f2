package io.github.dgxspark.models.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NicSpec;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Qualification on the real event logs of {@code fixtures/eventlogs}. */
class QualificationTest {
  private static final Map<String, ApplicationProfile> CACHE = new HashMap<>();

  static ApplicationProfile log(String name) {
    return CACHE.computeIfAbsent(name, n -> EventLogs.read(RealLogs.of(n)));
  }

  /** A DGX-like node with eight GPUs of the given name. */
  static ClusterSpec target(String gpuName, int nodes) {
    List<GpuSpec> gpus = new ArrayList<>();
    List<NicSpec> nics = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      gpus.add(new GpuSpec(gpuName, 80L << 30, "", 18));
      nics.add(new NicSpec("mlx5_" + i, NicSpec.Kind.INFINIBAND, 50_000_000_000L));
    }
    NodeSpec node =
        new NodeSpec("Xeon", 224, 112, 2, 2, 2L << 40, gpus, false, 900_000_000_000L, nics);
    return ClusterSpec.of(node, nodes, ClusterManager.STANDALONE);
  }

  /** CPU logs of the fixtures: short, mostly driver time. */
  static final List<String> CPU_LOGS =
      List.of(
          "tasks_executors_fail_compressed_eventlog.zstd",
          "eventlog_4nodes_8cores_dynamic_alloc.zstd",
          "spark2-eventlog.zstd",
          "spark-rapids-tools-corpus/spark-events-profiling__eventlog_dsv1.zstd",
          "spark-rapids-tools-corpus/spark-events-qualification__join_missing_sql_end",
          "spark-rapids-tools-corpus/spark-events-qualification__nested_type_eventlog",
          "spark-rapids-tools-corpus/spark-events-qualification__python_udf_eventlog");

  static final ClusterSpec H100 = target("NVIDIA H100 80GB HBM3", 2);

  @Test
  void qualify_gpuLog_alreadyOnGpuNotRecommended() {
    QualificationReport r = Qualification.qualify(log("gpu_oom_eventlog.zstd"), H100);
    assertEquals("Already on GPU", r.category());
    assertFalse(r.recommended());
    assertEquals(r.cpuWallTimeMs(), r.predictedGpuWallTimeMs().expected());
  }

  @Test
  void qualify_shortDriverDominatedCpuLogs_noneRecommendedEachSaysWhy() {
    for (String n : CPU_LOGS) {
      QualificationReport r = Qualification.qualify(log(n), H100);
      assertFalse(r.recommended(), n + ": " + r);
      assertEquals("Not recommended", r.category(), n);
      assertTrue(r.speedup().expected() < Qualification.MIN_RECOMMENDED_SPEEDUP, n + ": " + r);
      assertTrue(
          r.reasons().stream()
              .anyMatch(x -> x.startsWith("no speedup") || x.startsWith("driver-dominated")),
          n + ": " + r.reasons());
      assertTrue(r.config().entries().containsKey("spark.plugins"), n);
    }
  }

  @Test
  void qualify_everyCpuLog_intervalsOrderedAndSpeedupIsWallRatio() {
    for (String n : CPU_LOGS) {
      QualificationReport r = Qualification.qualify(log(n), H100);
      QualificationReport.Range t = r.predictedGpuWallTimeMs();
      assertTrue(t.low() > 0 && t.low() <= t.expected() && t.expected() <= t.high(), n);
      assertEquals(r.cpuWallTimeMs() / t.expected(), r.speedup().expected(), 1e-9, n);
      assertEquals(r.cpuWallTimeMs() / t.high(), r.speedup().low(), 1e-9, n);
      double shares =
          r.unsupportedOperators().stream()
              .mapToDouble(QualificationReport.OperatorShare::timeShare)
              .sum();
      assertTrue(shares <= 1 - r.supportedTimeFraction() + 1e-9, n + " " + shares);
    }
  }

  @Test
  void warmup_chargedOnlyAboveTheCpuLogsOwnFirstStage() {
    GpuGeneration g = GpuWallTime.generation("NVIDIA H100 80GB HBM3");
    // spark2: a 250 ms first stage; the 4-node YARN log waited 14.9 s for executors
    GpuWallTime.Structure small = GpuWallTime.structure(log("spark2-eventlog.zstd"));
    GpuWallTime.Structure yarn =
        GpuWallTime.structure(log("eventlog_4nodes_8cores_dynamic_alloc.zstd"));
    double gpuFirst = GpuWallTime.cost("firstStageMs", GpuWallTime.Scenario.EXPECTED);
    assertEquals(
        gpuFirst - small.firstStageMs(),
        GpuWallTime.predict(small, g, GpuCosts.packaged(), GpuWallTime.Scenario.EXPECTED)
            .warmupMs(),
        1e-9);
    assertTrue(yarn.firstStageMs() > gpuFirst);
    assertEquals(
        0,
        GpuWallTime.predict(yarn, g, GpuCosts.packaged(), GpuWallTime.Scenario.EXPECTED)
            .warmupMs());
  }

  @Test
  void generation_datasheetOrder_a100BelowH100BelowH200BelowB200() {
    double a100 = Qualification.generation("NVIDIA A100-SXM4-40GB").expected();
    double h100 = Qualification.generation("NVIDIA H100 80GB HBM3").expected();
    double h200 = Qualification.generation("NVIDIA H200").expected();
    double b200 = Qualification.generation("NVIDIA B200").expected();
    assertEquals(1, a100);
    assertTrue(
        a100 < h100 && h100 < h200 && h200 < b200, a100 + " " + h100 + " " + h200 + " " + b200);
    assertTrue(Qualification.generation("NVIDIA GB10").expected() < 1);
    assertTrue(Qualification.generation("Tesla T4").high() == 1);
  }

  @Test
  void generation_namesMatchWholeTokens() {
    assertEquals("A10", Qualification.generation("NVIDIA A10").gpu());
    assertEquals("A100", Qualification.generation("NVIDIA A100 80GB PCIe").gpu());
    assertEquals("GB200", Qualification.generation("NVIDIA GB200").gpu());
    assertEquals("B200", Qualification.generation("NVIDIA B200").gpu());
    assertEquals("L4", Qualification.generation("NVIDIA L4").gpu());
    GpuGeneration unknown = Qualification.generation("NVIDIA RTX 4090");
    assertEquals("unknown", unknown.gpu());
    assertTrue(unknown.low() < 1 && unknown.high() > 1);
  }

  @Test
  void qualify_newerGpu_neverSlower() {
    for (String n : CPU_LOGS) {
      double a100 =
          Qualification.qualify(log(n), target("NVIDIA A100-SXM4-80GB", 2))
              .predictedGpuWallTimeMs()
              .expected();
      double b200 =
          Qualification.qualify(log(n), target("NVIDIA B200", 2))
              .predictedGpuWallTimeMs()
              .expected();
      assertTrue(b200 <= a100, n + ": " + b200 + " > " + a100);
    }
  }

  @Test
  void qualify_cpuOnlyTarget_refused() {
    NodeSpec cpu = NodeSpec.cpuOnly(32, 256L << 30);
    ModelsException e =
        assertThrows(
            ModelsException.class,
            () ->
                Qualification.qualify(
                    log("spark2-eventlog.zstd"),
                    ClusterSpec.single(cpu, ClusterManager.STANDALONE)));
    assertTrue(e.getMessage().contains("no GPU"), e.getMessage());
  }
}
