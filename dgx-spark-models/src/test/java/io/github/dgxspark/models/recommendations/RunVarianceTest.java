package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import org.junit.jupiter.api.Test;

class RunVarianceTest {
  @Test
  void builtInHistory_repeatedHarnessRuns_pooledCvNamesTheRuns() {
    PerformanceHistory h = PerformanceHistory.builtIn();
    RunVariance v = RunVariance.observed(h, "etl");
    assertTrue(v.cv().isPresent(), v.source());
    assertTrue(v.cv().getAsDouble() > 0, v.source());
    assertTrue(v.source().contains("'etl' workload"), v.source());
    assertTrue(v.source().contains(PerformanceRun.HARNESS), v.source());
    // every group is a repeat of one config: the groups and their wall times are listed
    assertTrue(v.source().contains(PerformanceRun.HARNESS + " etl scale"), v.source());
    assertTrue(v.source().contains(" ms"), v.source());
  }

  @Test
  void workloadWithoutRepeats_poolsTheOtherWorkloads() {
    RunVariance v = RunVariance.observed(PerformanceHistory.builtIn(), "no-such-workload");
    assertTrue(v.cv().isPresent(), v.source());
    assertTrue(v.source().contains("other workloads"), v.source());
  }

  @Test
  void historyWithoutRepeats_unknown() {
    PerformanceHistory logsOnly =
        new PerformanceHistory(
            "event-log runs only",
            PerformanceHistory.builtIn().runs().stream()
                .filter(r -> r.source().equals(PerformanceRun.EVENT_LOG))
                .toList());
    RunVariance v = RunVariance.observed(logsOnly, "sql-analytics");
    assertTrue(v.cv().isEmpty());
    assertTrue(v.source().contains("no repeated identical runs"), v.source());
    assertEquals(v, RunVariance.observed(logsOnly, "sql-analytics"));
  }
}
