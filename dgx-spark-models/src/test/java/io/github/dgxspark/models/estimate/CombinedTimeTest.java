package io.github.dgxspark.models.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.estimate.CombinedTimeReport.ModelTime;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The combined time answer on the packaged history of measured runs. */
class CombinedTimeTest {
  private static final ClusterSpec LOCAL_2 =
      ClusterSpec.single(NodeSpec.cpuOnly(2, 16 * ByteSizes.GIB), ClusterManager.LOCAL);

  private static final ClusterSpec FOUR_DGX =
      ClusterSpec.of(EstimatorsTest.DGX_H100, 4, ClusterManager.STANDALONE);

  /**
   * Issue 18's case: 10 TiB on 4 x DGX H100, where the per-byte headline and Ernest differed 15x.
   * The history's runs are at most a few GiB on 1-2 cores, so neither model's range holds the job:
   * one answer, flagged as an extrapolation, whose interval holds both models' times.
   */
  @Test
  void timeAnswer_tenTebibytesOnFourDgx_extrapolationSpanningBothModels() {
    JobSpec job =
        JobSpec.of(WorkloadSpec.of(WorkloadType.ETL, 10 * ByteSizes.TIB, ExecutionMode.CPU));
    CombinedTimeReport a =
        Estimators.timeAnswer(job, FOUR_DGX, SparkConfig.empty(), PerformanceHistory.builtIn());
    System.out.println("10 TiB ETL on 4 x DGX H100: " + line(a));
    assertTrue(a.extrapolated(), a.reason());
    assertEquals(2, a.models().size(), a.reason());
    ModelTime rates = model(a, CombinedTime.RATES).orElseThrow();
    ModelTime ernest = model(a, CombinedTime.ERNEST).orElseThrow();
    assertFalse(rates.inRange(), rates.validity());
    assertFalse(ernest.inRange(), ernest.validity());
    assertEquals(rates.expected(), a.expected());
    assertTrue(covers(a, rates) && covers(a, ernest), line(a));
    assertTrue(a.reason().contains("extrapolation"), a.reason());
    assertEquals(a.rates().expected(), rates.expected());
    assertEquals(a.ernest().expected().orElseThrow(), ernest.expected());
  }

  /**
   * 1 GiB of ETL on a 2-core machine: inside the harness runs' sizes and cores for both models, so
   * both are used and the interval holds both.
   */
  @Test
  void timeAnswer_oneGibibyteOnTwoCores_bothModelsUsed() {
    JobSpec job = JobSpec.of(WorkloadSpec.of(WorkloadType.ETL, ByteSizes.GIB, ExecutionMode.CPU));
    CombinedTimeReport a =
        Estimators.timeAnswer(job, LOCAL_2, SparkConfig.empty(), PerformanceHistory.builtIn());
    System.out.println("1 GiB ETL on 2 cores: " + line(a));
    assertFalse(a.extrapolated(), a.reason());
    ModelTime rates = model(a, CombinedTime.RATES).orElseThrow();
    ModelTime ernest = model(a, CombinedTime.ERNEST).orElseThrow();
    assertTrue(rates.inRange() && rates.used(), rates.validity());
    assertTrue(ernest.inRange() && ernest.used(), ernest.validity());
    assertTrue(covers(a, rates) && covers(a, ernest), line(a));
    long lo = Math.min(rates.expected().toMillis(), ernest.expected().toMillis());
    long hi = Math.max(rates.expected().toMillis(), ernest.expected().toMillis());
    assertTrue(
        a.expected().toMillis() >= lo && a.expected().toMillis() <= hi,
        "expected between the models: " + line(a));
    assertEquals("per-byte rates and Ernest", a.model());
  }

  /**
   * A GPU job: the ETL Ernest model was fitted on CPU runs only, so it is out of range and not
   * used, whatever it says.
   */
  @Test
  void timeAnswer_gpuJob_cpuFittedErnestNotUsed() {
    JobSpec job = JobSpec.of(WorkloadSpec.of(WorkloadType.ETL, ByteSizes.GIB, ExecutionMode.GPU));
    CombinedTimeReport a =
        Estimators.timeAnswer(job, FOUR_DGX, SparkConfig.empty(), PerformanceHistory.builtIn());
    System.out.println("1 GiB ETL on GPUs: " + line(a));
    ModelTime ernest = model(a, CombinedTime.ERNEST).orElseThrow();
    assertFalse(ernest.inRange(), ernest.validity());
    assertFalse(ernest.used(), ernest.validity());
    assertTrue(ernest.validity().contains("ran on CPUs"), ernest.validity());
    assertEquals(a.rates().expected(), a.expected(), line(a));
  }

  /**
   * The user's history first: a history file made from a real NDS GPU log ({@code history add}'s
   * {@link PerformanceRun#fromEventLog}); a GPU SQL job is timed from the user's run by both models
   * and each says so, and a CPU ETL job, for which the user has no run, by the built-in runs,
   * saying that too.
   */
  @Test
  void timeAnswer_userHistoryFromRealLog_usedFirstAndNamed(@TempDir Path dir) {
    Path file = dir.resolve("history.json");
    Path log = RealLogs.of("gpu_oom_eventlog.zstd");
    PerformanceRun run =
        PerformanceRun.fromEventLog(
            EventLogs.read(log), log.toString(), Instant.parse("2026-12-02T10:00:00Z"));
    PerformanceHistory.append(file, run);
    JobSpec gpuSql =
        JobSpec.of(
            WorkloadSpec.of(WorkloadType.SQL_ANALYTICS, run.inputBytes(), ExecutionMode.GPU));
    CombinedTimeReport mine = Estimators.timeAnswer(gpuSql, FOUR_DGX, SparkConfig.empty(), file);
    System.out.println("user history, GPU SQL: " + line(mine));
    for (ModelTime m : mine.models()) {
      assertTrue(m.source().startsWith("your runs in " + file), m.source());
    }
    assertTrue(mine.rates().reason().startsWith("from your own runs in " + file));
    assertEquals(1, mine.rates().measuredRuns());
    assertEquals(1, mine.ernest().runsUsed(), mine.ernest().reason());
    // the user's run had 32 cores, 4 x DGX H100 keep 896 busy: outside both models' ranges
    assertTrue(mine.extrapolated(), mine.reason());
    // the same job without the user's file: the built-in history, named as such
    CombinedTimeReport builtIn =
        Estimators.timeAnswer(gpuSql, FOUR_DGX, SparkConfig.empty(), dir.resolve("none.json"));
    for (ModelTime m : builtIn.models()) {
      assertTrue(m.source().startsWith("built-in"), m.source());
    }
    JobSpec cpuEtl =
        JobSpec.of(WorkloadSpec.of(WorkloadType.ETL, ByteSizes.GIB, ExecutionMode.CPU));
    CombinedTimeReport other = Estimators.timeAnswer(cpuEtl, LOCAL_2, SparkConfig.empty(), file);
    assertEquals(2, other.models().size(), other.reason());
    for (ModelTime m : other.models()) {
      assertTrue(m.source().contains("your history has no run for this model"), m.source());
    }
  }

  private static Optional<ModelTime> model(CombinedTimeReport a, String name) {
    return a.models().stream().filter(m -> m.name().equals(name)).findFirst();
  }

  private static boolean covers(CombinedTimeReport a, ModelTime m) {
    return a.low().compareTo(m.low()) <= 0
        && a.high().compareTo(m.high()) >= 0
        && a.low().compareTo(m.expected()) <= 0
        && a.high().compareTo(m.expected()) >= 0;
  }

  private static String line(CombinedTimeReport a) {
    return String.format(
        "%s (%s-%s) from %s%s; %s",
        seconds(a.expected()),
        seconds(a.low()),
        seconds(a.high()),
        a.model(),
        a.extrapolated() ? " [extrapolated]" : "",
        a.reason());
  }

  private static String seconds(Duration d) {
    return d.toMillis() / 1000.0 + " s";
  }
}
