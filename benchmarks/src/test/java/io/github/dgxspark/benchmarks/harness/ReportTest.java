package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.NodeSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the report turns finished and failed runs into ratios, and how a failure is named. */
class ReportTest {
  private static final Machine MACHINE =
      new Machine(NodeSpec.cpuOnly(2, 8 * ByteSizes.GIB), "Linux", "17");

  private static RunSpec spec(String workload, String deployment, String kind) {
    return new RunSpec(
        workload, 1, deployment, "local[2]", 0, kind, Map.of(), Map.of(), "1g", "w", "e");
  }

  private static RunResult ok(String workload, String deployment, String kind, long ms) {
    return new RunResult(
        spec(workload, deployment, kind),
        ms,
        1,
        1,
        2,
        ByteSizes.GIB,
        10,
        Map.of(),
        "app",
        "log",
        "4.1.3");
  }

  private static FailedRun failed(String workload, String deployment, String kind) {
    return new FailedRun(
        spec(workload, deployment, kind),
        "java.lang.OutOfMemoryError: Java heap space",
        "x.log",
        0);
  }

  private static Report report(List<RunResult> done, List<FailedRun> failed) {
    return Report.of(done, failed, MACHINE, Instant.EPOCH, "test");
  }

  @Test
  void failedDefaults_giveRatioZeroWithTheReason_failedConfig_countsAsSlower() {
    Report r =
        report(
            List.of(
                ok("graph", "local", "recommended", 900),
                ok("graph", "local", "recommended", 1100),
                ok("etl", "local", "default", 1000),
                ok("sql", "local", "default", 1000),
                ok("sql", "local", "recommended", 700)),
            List.of(
                failed("graph", "local", "default"),
                failed("graph", "local", "default"),
                failed("etl", "local", "recommended")));
    Report.Cell graph = r.cells().get(0);
    assertEquals(0.0, graph.ratio());
    assertTrue(Double.isNaN(graph.defaultMillis()));
    assertEquals(1000.0, graph.configMillis());
    assertTrue(graph.note().contains("defaults failed: java.lang.OutOfMemoryError"), graph.note());
    assertEquals(Double.POSITIVE_INFINITY, r.workloadRatios().get("etl"));
    assertEquals(0.7, r.workloadRatios().get("sql"), 1e-9);
    // median over the three workloads is 0.7, but the failed recommendation breaks the max goal
    assertTrue(
        r.text()
            .contains(
                "Max over workloads: failed (goal <= 1.05, never meaningfully slower: NOT met)"),
        r.text());
    assertTrue(r.text().contains("median 0.70 (no goal on this machine class"), r.text());
    assertTrue(r.text().contains("| etl | failed (above 1.05: slower) |"), r.text());
    assertTrue(
        r.text().contains("slower than 1.05 × the defaults: etl at scale 1 on local (failed)"),
        r.text());
  }

  @Test
  void aSlowerCellIsNamed_evenWhenItsWorkloadMedianMeetsTheGoal() {
    Report r =
        report(
            List.of(
                ok("etl", "local", "default", 1000),
                ok("etl", "local", "recommended", 1000),
                ok("etl", "cluster-2", "default", 1000),
                ok("etl", "cluster-2", "recommended", 1090),
                ok("etl", "cluster-4", "default", 1000),
                ok("etl", "cluster-4", "recommended", 950)),
            List.of());
    assertEquals(1.0, r.workloadRatios().get("etl"), 1e-9);
    assertTrue(
        r.text()
            .contains("Max over workloads: 1.00 (goal <= 1.05, never meaningfully slower: met)"),
        r.text());
    assertTrue(
        r.text()
            .contains(
                "Cells where the recommended config is slower than 1.05 × the defaults: etl at"
                    + " scale 1 on cluster-2 (1.09)"),
        r.text());
  }

  @Test
  void noSlowerCell_noSlowerLine() {
    Report r =
        report(
            List.of(ok("etl", "local", "default", 1000), ok("etl", "local", "recommended", 1040)),
            List.of());
    assertFalse(r.text().contains("Cells where"), r.text());
  }

  @Test
  void oneFailedRepeat_failsTheWholeConfig_andBothFailedIsLeftOutOfTheMedian() {
    Report r =
        report(
            List.of(
                ok("ml", "local", "default", 1000),
                ok("ml", "local", "recommended", 500),
                ok("ml", "local", "default", 1000)),
            List.of(
                failed("ml", "local", "recommended"),
                failed("etl", "local", "default"),
                failed("etl", "local", "recommended")));
    assertEquals(Double.POSITIVE_INFINITY, r.workloadRatios().get("ml"));
    assertTrue(Double.isNaN(r.cells().get(1).ratio()));
    assertFalse(r.workloadRatios().containsKey("etl"));
  }

  @Test
  void timedOutDefaults_giveAnUpperBound_theConfigTimeOverTheLimit() {
    FailedRun slow =
        new FailedRun(spec("graph", "cluster-2", "default"), "did not finish", "x", 60_000);
    Report r = report(List.of(ok("graph", "cluster-2", "recommended", 15_000)), List.of(slow));
    assertEquals(0.25, r.workloadRatios().get("graph"), 1e-9);
    assertTrue(r.cells().get(0).note().contains("upper bound"), r.cells().get(0).note());
  }

  @Test
  void failureReason_prefersTheOutOfMemoryErrorThenTheInnermostCause() {
    assertEquals(
        "java.lang.OutOfMemoryError: Java heap space",
        Harness.ChildLauncher.failureReason(
            List.of(
                "Exception in thread \"main\" org.apache.spark.SparkException: Job aborted",
                "Caused by: org.apache.spark.SparkException: task failed",
                "Caused by: java.lang.OutOfMemoryError: Java heap space",
                "\\tat org.apache.spark.graphx.impl.EdgePartitionBuilder.toEdgePartition"),
            52));
    assertEquals(
        "java.io.IOException: disk full",
        Harness.ChildLauncher.failureReason(
            List.of(
                "Exception in thread \"main\" java.lang.IllegalStateException: outer",
                "Caused by: java.lang.RuntimeException: middle",
                "Caused by: java.io.IOException: disk full"),
            1));
    assertEquals(
        "java.lang.IllegalStateException: outer",
        Harness.ChildLauncher.failureReason(
            List.of("Exception in thread \"main\" java.lang.IllegalStateException: outer"), 1));
    assertEquals("exit code 137", Harness.ChildLauncher.failureReason(List.of("killed"), 137));
  }
}
