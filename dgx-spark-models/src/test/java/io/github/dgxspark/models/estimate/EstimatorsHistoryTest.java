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
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EstimatorsHistoryTest {
  private static final ClusterSpec LOCAL_2 =
      ClusterSpec.single(NodeSpec.cpuOnly(2, 16 * ByteSizes.GIB), ClusterManager.LOCAL);

  @Test
  void time_workloadWithMeasuredRuns_usesHistoryNotPriors() {
    PerformanceHistory h = PerformanceHistory.builtIn();
    JobSpec job = JobSpec.of(WorkloadSpec.of(WorkloadType.ETL, ByteSizes.GIB, ExecutionMode.CPU));
    TimeEstimate t = Estimators.time(job, LOCAL_2, h);
    long matching =
        h.runsOf("etl").stream()
            .filter(r -> r.inputBytes() >= Estimators.MIN_HISTORY_INPUT_BYTES)
            .filter(r -> r.gpusPerExecutor() == 0)
            .count();
    assertTrue(matching > 0);
    assertFalse(t.fallback(), t.reason());
    // only the runs nearest 1 GiB in input size (the harness's scale-16 runs), not the 16 MB ones
    List<PerformanceRun> near = Estimators.nearestInSize(job, Estimators.matching(job, false, h));
    assertEquals(near.size(), t.measuredRuns());
    assertTrue(near.size() > 0 && near.size() < matching, near.size() + " of " + matching);
    near.forEach(
        r ->
            assertTrue(
                r.inputBytes() > ByteSizes.GIB / 4 && r.inputBytes() < 4 * ByteSizes.GIB,
                "input " + r.inputBytes()));
    assertTrue(t.source().contains("performance-history"), t.source());
    assertTrue(t.low().compareTo(t.expected()) <= 0 && t.expected().compareTo(t.high()) <= 0);
  }

  private static PerformanceRun etlRun(SparkConfig config, int executors, long millis) {
    return new PerformanceRun(
        "test",
        "etl",
        16,
        ByteSizes.GIB,
        executors,
        2,
        ByteSizes.GIB,
        0,
        config,
        Duration.ofMillis(millis),
        "2-core test machine",
        2,
        "4.1.3",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void time_configuredRunsPreferredOverSparkDefaults() {
    SparkConfig tuned = SparkConfig.empty().with("spark.sql.shuffle.partitions", "16");
    PerformanceRun defaults = etlRun(SparkConfig.empty(), 1, 80_000);
    PerformanceRun configured = etlRun(tuned, 1, 10_000);
    JobSpec job = JobSpec.of(WorkloadSpec.of(WorkloadType.ETL, ByteSizes.GIB, ExecutionMode.CPU));
    TimeEstimate both =
        Estimators.time(job, LOCAL_2, new PerformanceHistory("t", List.of(defaults, configured)));
    assertEquals(1, both.measuredRuns());
    assertEquals(10, both.expected().toSeconds(), both.reason());
    TimeEstimate onlyDefaults =
        Estimators.time(job, LOCAL_2, new PerformanceHistory("t", List.of(defaults)));
    assertEquals(1, onlyDefaults.measuredRuns());
    assertEquals(80, onlyDefaults.expected().toSeconds(), onlyDefaults.reason());
  }

  @Test
  void time_localClusterRunCountsTheMachinesCoresNotItsSlots() {
    SparkConfig tuned = SparkConfig.empty().with("spark.sql.shuffle.partitions", "16");
    // 2 executors x 2 cores = 4 slots on the 2-core machine: it measured 2 cores' throughput
    PerformanceRun cluster = etlRun(tuned, 2, 20_000);
    TimeEstimate t =
        Estimators.time(
            JobSpec.of(WorkloadSpec.of(WorkloadType.ETL, ByteSizes.GIB, ExecutionMode.CPU)),
            LOCAL_2,
            new PerformanceHistory("t", List.of(cluster)));
    assertEquals(20, t.expected().toSeconds(), t.reason());
  }

  @Test
  void time_unknownWorkload_fallbackFlagKept() {
    TimeEstimate t =
        Estimators.time(
            JobSpec.of(WorkloadSpec.of(WorkloadType.UNKNOWN, ByteSizes.GIB, ExecutionMode.CPU)),
            LOCAL_2,
            PerformanceHistory.builtIn());
    assertTrue(t.fallback(), t.reason());
    assertEquals(0, t.measuredRuns());
  }

  /**
   * Leave-one-out error of the time estimator on the history's measured runs: each run with a
   * usable input size is estimated from the other runs (its own removed) on a local node with the
   * cores the run really had, and compared with its measured wall time. Prints the figures for the
   * README.
   */
  @Test
  void time_leaveOneOutOnHistory_errorReported() {
    PerformanceHistory h = PerformanceHistory.builtIn();
    Map<String, List<Double>> errors = new TreeMap<>();
    for (PerformanceRun run : h.runs()) {
      if (run.inputBytes() < Estimators.MIN_HISTORY_INPUT_BYTES) {
        continue;
      }
      List<PerformanceRun> others = new ArrayList<>(h.runs());
      others.remove(run);
      PerformanceHistory rest = new PerformanceHistory("leave one out", others);
      ExecutionMode mode = run.gpusPerExecutor() > 0 ? ExecutionMode.GPU : ExecutionMode.CPU;
      JobSpec job =
          JobSpec.of(WorkloadSpec.of(WorkloadType.parse(run.workload()), run.inputBytes(), mode));
      // the cores the run really had: a local-cluster run's 4 slots shared a 2-core machine
      ClusterSpec cluster =
          ClusterSpec.single(
              NodeSpec.cpuOnly(run.coresUsed(), 16 * ByteSizes.GIB), ClusterManager.LOCAL);
      if (mode == ExecutionMode.GPU) {
        continue; // one GPU run in the history: nothing to hold it out against
      }
      TimeEstimate t = Estimators.time(job, cluster, rest);
      if (t.fallback()) {
        continue;
      }
      double err =
          Math.abs(t.expected().toMillis() - run.wallTime().toMillis())
              / (double) run.wallTime().toMillis();
      errors.computeIfAbsent(run.source() + ", " + run.workload(), k -> new ArrayList<>()).add(err);
    }
    assertFalse(errors.isEmpty());
    List<Double> all = new ArrayList<>();
    errors.forEach(
        (k, v) -> {
          all.addAll(v);
          System.out.printf(
              Locale.ROOT,
              "estimator LOO %s: n=%d median %.0f %% max %.0f %%%n",
              k,
              v.size(),
              100 * median(v),
              100 * v.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        });
    System.out.printf(
        Locale.ROOT,
        "estimator LOO all: n=%d median %.0f %% max %.0f %%%n",
        all.size(),
        100 * median(all),
        100 * all.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    // Counting the cores a run really had (a local-cluster run's 4 slots shared 2 cores) took the
    // median from 66 % to 28 % on the 233-run history, and estimating from configured runs only
    // (Spark-defaults runs differ up to 8x) the max from 702 % to 173 %. What remains: default
    // and recommended runs of a cell are estimated alike, and local and local-cluster runs of the
    // same job differ by the executors' start-up and JIT (ML 25 s local, 37 s cluster at scale 16).
    assertTrue(median(all) < 0.4, "median error " + median(all));
    double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    assertTrue(max < 2.5, "max error " + max);
  }

  private static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
