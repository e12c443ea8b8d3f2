package io.github.dgxspark.models.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The log path on the real event logs of {@link RealLogs} (attribution in the README.txt beside
 * them): NVIDIA spark-rapids-tools test logs of NDS and join queries.
 */
class ProfileAnalysisTest {
  private static final Map<String, ApplicationProfile> CACHE = new HashMap<>();

  private static ApplicationProfile log(String name) {
    return CACHE.computeIfAbsent(name, n -> EventLogs.read(RealLogs.of(n)));
  }

  @Test
  void classify_ndsPowerRunOnGpu_sqlAnalyticsFromReadHeavySql() {
    Classification c = WorkloadAnalyzer.classify(log("gpu_oom_eventlog.zstd"));
    System.out.println("gpu_oom: " + c);
    assertEquals(Classification.Basis.EVENT_LOG, c.basis());
    assertEquals("sql-analytics", c.workloadType().id());
    assertTrue(
        c.evidence().stream().anyMatch(e -> e.startsWith("read-heavy SQL")),
        c.evidence().toString());
  }

  @Test
  void classify_joinAndCount_sqlAnalytics() {
    Classification c = WorkloadAnalyzer.classify(log("rapids_join_eventlog.zstd"));
    System.out.println("rapids_join: " + c);
    assertEquals("sql-analytics", c.workloadType().id());
    assertTrue(c.confidence() > c.runnerUpConfidence());
  }

  @Test
  void gpuSuitability_rapidsLog_alreadyOnGpuWithMostTimeSupported() {
    GpuSuitabilityReport g = WorkloadAnalyzer.gpuSuitability(log("rapids_join_eventlog.zstd"));
    System.out.println("rapids_join GPU: " + g);
    assertTrue(g.alreadyOnGpu());
    assertTrue(g.measured());
    assertTrue(g.supportedTimeFraction() > 0.5, "supported " + g.supportedTimeFraction());
  }

  @Test
  void gpuSuitability_cpuLog_notOnGpuAndFractionInRange() {
    GpuSuitabilityReport g =
        WorkloadAnalyzer.gpuSuitability(log("eventlog_4nodes_8cores_dynamic_alloc.zstd"));
    System.out.println("4nodes GPU: " + g);
    assertFalse(g.alreadyOnGpu());
    assertTrue(g.supportedTimeFraction() >= 0 && g.supportedTimeFraction() <= 1);
    assertTrue(g.speedupLow() <= g.speedupHigh());
  }

  @Test
  void intensity_logWithInput_measuredCpuNanosPerByte() {
    ApplicationProfile p = log("gpu_oom_eventlog.zstd");
    IntensityResult i = WorkloadAnalyzer.intensity(p);
    assertTrue(i.measured());
    double expected =
        (p.totals().executorCpuTimeNs() > 0
                ? p.totals().executorCpuTimeNs()
                : p.totals().executorRunTimeMs() * 1e6)
            / p.totals().inputBytes();
    assertEquals(expected, i.cpuNanosPerInputByte(), 1e-9);
  }

  @Test
  void ioPattern_log_bytesAreTheLogTotals() {
    ApplicationProfile p = log("gpu_oom_eventlog.zstd");
    ClusterSpec one =
        ClusterSpec.single(NodeSpec.cpuOnly(32, 256L << 30), ClusterManager.STANDALONE);
    IoPatternReport io = WorkloadAnalyzer.ioPattern(p, one);
    assertEquals(p.totals().inputBytes(), io.inputBytes());
    assertEquals(p.totals().outputBytes(), io.outputBytes());
    assertTrue(io.measured());
    assertEquals(0, io.networkTime().toNanos(), "one node: no network time");
  }

  @Test
  void analyze_everyFixtureLog_givesAClassificationWithEvidence() {
    for (String name :
        new String[] {
          "eventlog_4nodes_8cores_dynamic_alloc.zstd",
          "spark2-eventlog.zstd",
          "tasks_executors_fail_compressed_eventlog.zstd",
          "gds_ucx_eventlog.zstd",
          "dr-elephant_event_log_1"
        }) {
      ApplicationProfile p = log(name);
      WorkloadAnalysis a =
          WorkloadAnalyzer.analyze(
              p, ClusterSpec.single(NodeSpec.cpuOnly(16, 64L << 30), ClusterManager.STANDALONE));
      System.out.println(name + ": " + a.classification());
      assertFalse(a.classification().evidence().isEmpty(), name);
      assertTrue(a.classification().confidence() < 1, name);
    }
  }
}
