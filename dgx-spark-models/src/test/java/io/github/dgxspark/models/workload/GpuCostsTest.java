package io.github.dgxspark.models.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceModels;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Qualification's GPU fixed costs from the user's own GPU runs ({@code history add}) on the real
 * GPU logs of spark-rapids-tools. Reference figures are those measured for {@code
 * data/models/gpu-operators.json} fixedCosts: rapids_join_eventlog (local[*]) first stage 1,743 ms
 * and one one-task stage of 83 ms; gpu_oom_eventlog (standalone) first stage 12,131 ms and a median
 * one-task stage of 43 ms.
 */
class GpuCostsTest {
  private static final String CPU_LOG = "spark2-eventlog.zstd";
  private static final ClusterSpec CLUSTER = QualificationTest.target("NVIDIA H100 80GB HBM3", 2);
  private static final ClusterSpec LOCAL = ClusterSpec.single(CLUSTER.node(), ClusterManager.LOCAL);

  @TempDir Path dir;

  @Test
  void localGpuRun_localTarget_itsWarmUpReplacesThePackagedOneAndTheGpuTimeFalls() {
    Path history = history("rapids_join_eventlog.zstd");
    GpuCosts mine = PerformanceModels.gpuCosts(history, LOCAL);
    assertEquals(1743, mine.firstStageMs().expected(), 1);
    assertEquals(1743, mine.firstStageMs().low(), 1);
    assertEquals(83, mine.minStageMs().expected(), 1);
    assertTrue(mine.source().startsWith("from your history " + history), mine.source());
    QualificationReport packaged =
        Qualification.qualify(QualificationTest.log(CPU_LOG), LOCAL, GpuCosts.packaged());
    QualificationReport yours = Qualification.qualify(QualificationTest.log(CPU_LOG), LOCAL, mine);
    // a 1.7 s warm-up instead of 12.1 s: the GPU time falls, the speedup rises
    assertTrue(
        yours.predictedGpuWallTimeMs().expected() < packaged.predictedGpuWallTimeMs().expected(),
        yours.predictedGpuWallTimeMs() + " vs " + packaged.predictedGpuWallTimeMs());
    assertTrue(yours.speedup().expected() > packaged.speedup().expected());
    assertTrue(
        yours.reasons().stream().anyMatch(r -> r.startsWith("GPU fixed costs: from your history")),
        yours.reasons().toString());
    assertTrue(
        packaged.reasons().stream().anyMatch(r -> r.startsWith("GPU fixed costs: packaged")),
        packaged.reasons().toString());
  }

  @Test
  void localGpuRun_clusterTarget_warmUpStaysPackagedAndSaysWhy() {
    Path history = history("rapids_join_eventlog.zstd");
    GpuCosts mine = PerformanceModels.gpuCosts(history, CLUSTER);
    assertEquals(GpuCosts.packaged().firstStageMs(), mine.firstStageMs());
    assertEquals(83, mine.minStageMs().expected(), 1);
    assertTrue(mine.source().contains("ran in local mode"), mine.source());
  }

  @Test
  void clusterGpuRun_clusterTarget_measuredWarmUpRaisesTheFastEnd() {
    Path history = history("gpu_oom_eventlog.zstd");
    GpuCosts mine = PerformanceModels.gpuCosts(history, CLUSTER);
    // one run: its first stage is the whole range, no local-mode 694 ms at the fast end
    assertEquals(12131, mine.firstStageMs().low(), 1);
    assertEquals(12131, mine.firstStageMs().high(), 1);
    // 24 one-task stages: an even count, whose median the reference may take as the upper middle
    assertEquals(43, mine.minStageMs().expected(), 0.05 * 43);
    QualificationReport packaged =
        Qualification.qualify(QualificationTest.log(CPU_LOG), CLUSTER, GpuCosts.packaged());
    QualificationReport yours =
        Qualification.qualify(QualificationTest.log(CPU_LOG), CLUSTER, mine);
    assertTrue(
        yours.predictedGpuWallTimeMs().low() > packaged.predictedGpuWallTimeMs().low(),
        yours.predictedGpuWallTimeMs() + " vs " + packaged.predictedGpuWallTimeMs());
  }

  @Test
  void cpuRunsOnlyOrGoneLog_packagedAndSaysWhy() throws IOException {
    Path cpuOnly = history(CPU_LOG);
    GpuCosts a = PerformanceModels.gpuCosts(cpuOnly, CLUSTER);
    assertEquals(GpuCosts.packaged().firstStageMs(), a.firstStageMs());
    assertTrue(a.source().startsWith("packaged"), a.source());
    assertTrue(a.source().contains("no GPU run measures them"), a.source());
    Path copy = dir.resolve("gpu-copy.zstd");
    Files.copy(RealLogs.of("rapids_join_eventlog.zstd"), copy);
    Path gone = dir.resolve("gone.json");
    PerformanceHistory.append(
        gone, PerformanceRun.fromEventLog(EventLogs.read(copy), copy.toString(), Instant.now()));
    Files.delete(copy);
    GpuCosts b = PerformanceModels.gpuCosts(gone, LOCAL);
    assertEquals(GpuCosts.packaged().firstStageMs(), b.firstStageMs());
    assertTrue(b.source().contains("is gone"), b.source());
    GpuCosts none = PerformanceModels.gpuCosts(dir.resolve("none.json"), CLUSTER);
    assertEquals(GpuCosts.packaged(), none);
  }

  /** A history file holding one real log's run, as {@code history add} records it. */
  private Path history(String log) {
    Path file = dir.resolve("history-" + log + ".json");
    Path path = RealLogs.of(log).toAbsolutePath();
    PerformanceHistory.append(
        file, PerformanceRun.fromEventLog(EventLogs.read(path), path.toString(), Instant.now()));
    return file;
  }
}
