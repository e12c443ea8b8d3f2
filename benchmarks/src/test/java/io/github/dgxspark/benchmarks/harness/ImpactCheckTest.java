package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dgxspark.benchmarks.harness.ImpactCheck.Check;
import io.github.dgxspark.benchmarks.harness.ImpactCheck.Measured;
import io.github.dgxspark.benchmarks.harness.ImpactCheck.Outcome;
import io.github.dgxspark.benchmarks.harness.ImpactCheck.Predicted;
import io.github.dgxspark.benchmarks.harness.ImpactCheck.Scaling;
import io.github.dgxspark.benchmarks.harness.ImpactCheck.ScalingDetail;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The impact check's arithmetic, report, file merge and options, without Spark. */
class ImpactCheckTest {
  @Test
  void measured_isTheRatioOfMediansLessOneWithTheWiderRange() {
    Measured m = ImpactCheck.measured(List.of(1000L, 1200L, 1100L), List.of(800L, 900L, 880L));
    assertEquals(880.0 / 1100 - 1, m.change(), 1e-12);
    assertEquals(200.0 / 1100, m.spread(), 1e-12);
    assertEquals(3, m.runs());
  }

  @Test
  void measured_sameRunsGiveNoChangeAndASpreadBelowOne() {
    qt().forAll(lists().of(integers().between(100, 100_000)).ofSizeBetween(1, 7))
        .checkAssert(
            xs -> {
              List<Long> runs = xs.stream().map(Integer::longValue).toList();
              Measured m = ImpactCheck.measured(runs, runs);
              assertEquals(0, m.change(), 1e-12);
              // a range is below the median times the largest-to-median ratio
              assertTrue(m.spread() >= 0);
              assertTrue(
                  m.spread()
                      <= Collections.max(runs)
                          / Report.medianOf(runs.stream().map(Long::doubleValue).toList()));
            });
  }

  static Check check(String rec, List<String> keys, double expected, double change) {
    return new Check(
        "etl",
        0.01,
        "aqe-off",
        rec,
        keys,
        new Predicted(expected, expected - 0.1, expected + 0.1),
        new Measured(change, 0.02, 2));
  }

  @Test
  void report_countsCoverageSignAndTheAllRatioPerKind() {
    List<String> k = List.of("spark.sql.adaptive.enabled");
    Outcome o =
        new Outcome(
            List.of(
                check("Turn on AQE", k, -0.2, -0.15), // inside, sign right
                check("Turn on AQE", k, -0.2, 0.30), // outside, sign wrong
                check("Turn on AQE", k, -0.2, 0.01), // inside the spread: no sign counted
                check(ImpactCheck.ALL, k, -0.3, -0.4)),
            List.of(
                new ScalingDetail(
                    new Scaling("etl", 1, 2, 900, 1000), 1, 0.05, OptionalDouble.empty()),
                new ScalingDetail(
                    new Scaling("etl", 2, 1, 1200, 1000), 1, -0.02, OptionalDouble.of(1100))),
            List.of("etl s0.01 aqe-off: 'x' failed to run"),
            List.of());
    String r = ImpactCheck.report(o);
    assertTrue(r.contains("| spark.sql.adaptive.enabled | 3 | 1/3 | 1/2 | 0.210 |  |"), r);
    assertTrue(r.contains("| all | 1 | 1/1 | 1/1 | 0.100 | 0.60 |"), r);
    assertTrue(r.contains("| -10.0 % | +5.0 % | no history runs |"), r);
    assertTrue(r.contains("| +20.0 % | -2.0 % | +10.0 % |"), r);
    assertTrue(r.contains("median 15.0 %, max 20.0 % over 2 predictions"), r);
    assertTrue(r.contains("not checked: etl s0.01 aqe-off: 'x' failed to run"), r);
  }

  @Test
  void merge_replacesTheSameCheckAndKeepsTheOthers(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("sub").resolve("impact-checks.json");
    List<String> k = List.of("spark.sql.adaptive.enabled");
    ImpactCheck.merge(
        file,
        new Outcome(
            List.of(check("A", k, -0.2, -0.1), check("B", k, -0.2, -0.1)),
            List.of(
                new ScalingDetail(
                    new Scaling("etl", 1, 2, 900, 1000), 1, 0, OptionalDouble.empty())),
            List.of(),
            List.of()));
    ImpactCheck.merge(
        file,
        new Outcome(
            List.of(check("A", k, -0.2, -0.3)),
            List.of(
                new ScalingDetail(
                    new Scaling("etl", 1, 2, 950, 990), 1, 0, OptionalDouble.empty())),
            List.of(),
            List.of()));
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertEquals(2, root.path("checks").size());
    assertEquals("B", root.path("checks").get(0).path("recommendation").asText());
    assertEquals(-0.3, root.path("checks").get(1).path("measured").path("change").asDouble());
    assertEquals(1, root.path("scaling").size());
    assertEquals(950, root.path("scaling").get(0).path("predictedMs").asLong());
  }

  @Test
  void merge_dropsTheOldChecksOfACellAnalysedAgainWithoutAPrediction(@TempDir Path tmp)
      throws Exception {
    // a cell whose old prediction the engine no longer makes (it now says "no predicted size")
    // must not keep its old row; the cells not run this time keep theirs
    Path file = tmp.resolve("impact-checks.json");
    List<String> k = List.of("spark.executor.cores");
    Check other =
        new Check(
            "sql-analytics",
            0.01,
            "aqe-off",
            "Turn on AQE",
            List.of("spark.sql.adaptive.enabled"),
            new Predicted(-0.2, -0.3, 0),
            new Measured(-0.25, 0.02, 2));
    ImpactCheck.merge(
        file, new Outcome(List.of(check("A", k, 0, -0.5), other), List.of(), List.of(), List.of()));
    ImpactCheck.merge(
        file,
        new Outcome(
            List.of(),
            List.of(),
            List.of("etl s0.01 aqe-off: no predicted impact"),
            List.of(new ImpactCheck.Cell("etl", 0.01, "aqe-off"))));
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertEquals(1, root.path("checks").size(), root.toString());
    assertEquals("sql-analytics", root.path("checks").get(0).path("workload").asText());
  }

  @Test
  void merge_keepsEveryCoresRowOfOnePair(@TempDir Path tmp) throws Exception {
    // --scaling-cores 1,2 measures the pair 1 -> 2 twice in one invocation: both rows stay (they
    // overwrote each other once, leaving 10 of 20 rows)
    Path file = tmp.resolve("impact-checks.json");
    ImpactCheck.merge(
        file,
        new Outcome(
            List.of(),
            List.of(
                new ScalingDetail(
                    new Scaling("etl", 1, 2, 900, 1000), 1, 0, OptionalDouble.empty()),
                new ScalingDetail(
                    new Scaling("etl", 1, 2, 800, 1100), 2, 0, OptionalDouble.empty())),
            List.of(),
            List.of()));
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertEquals(2, root.path("scaling").size());
    assertEquals(900, root.path("scaling").get(0).path("predictedMs").asLong());
    assertEquals(800, root.path("scaling").get(1).path("predictedMs").asLong());
  }

  @Test
  void options_impactCheckTakesItsOwnOptionsAndOthersRejectThem() {
    HarnessOptions o =
        HarnessOptions.parse(
            new String[] {
              "--impact-check",
              "--mistakes",
              "aqe-off,heap-too-small",
              "--scale",
              "0.5",
              "--top",
              "2",
              "--scaling-cores",
              "1,2",
              "--impact-out",
              "x.json"
            });
    HarnessOptions.ImpactOptions i = o.impact().orElseThrow();
    assertEquals(List.of("aqe-off", "heap-too-small"), i.mistakes());
    assertEquals(List.of(0.5), o.scales());
    assertEquals(2, i.top());
    assertEquals(List.of(1, 2), i.scalingCores());
    assertEquals(Path.of("x.json"), i.output());
    assertEquals(Mistake.DEFAULT_FILE, i.mistakesFile());
    assertFalse(HarnessOptions.parse(new String[0]).impact().isPresent());
    DgxSparkException e =
        assertThrows(
            DgxSparkException.class,
            () -> HarnessOptions.parse(new String[] {"--mistakes", "aqe-off"}));
    assertTrue(e.getMessage().startsWith("option --mistakes applies only with --impact-check"));
    e =
        assertThrows(
            DgxSparkException.class,
            () -> HarnessOptions.parse(new String[] {"--impact-check", "--scaling-cores", "9"}));
    assertTrue(e.getMessage().contains("expected cores from 1 to 4"), e.getMessage());
  }

  @Test
  void deployment_withDynamicAllocationWaitsForTheExecutorsSparkAsksForAtStart() {
    Deployment d = Deployment.parse("cluster-2");
    OptimizationResult layout =
        SparkConfigOptimizer.optimize(
            d.cluster(Deployment.WORKER_NODE),
            WorkloadSpec.of(WorkloadType.ETL, 1L << 30, ExecutionMode.CPU));
    Map<String, String> da =
        Map.of(
            "spark.dynamicAllocation.enabled", "true", "spark.dynamicAllocation.minExecutors", "1");
    assertEquals(1, d.expectedExecutors(layout, da));
    Map<String, String> more = new HashMap<>(da);
    more.put("spark.dynamicAllocation.initialExecutors", "3");
    assertEquals(3, d.expectedExecutors(layout, more));
    // without dynamic allocation the count follows the workers' cores
    assertEquals(
        d.expectedExecutors(layout, Map.of()),
        d.expectedExecutors(layout, Map.of("spark.dynamicAllocation.enabled", "false")));
  }
}
