package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AbTestsTest {
  private static final List<Change> ONE =
      List.of(new Change("spark.sql.shuffle.partitions", Optional.of("200"), "400"));

  private static Impact saving(double fraction) {
    Range r = new Range(-fraction, -2 * fraction, 0);
    return new Impact(
        true,
        Optional.of(r),
        Optional.of(r),
        Optional.of(Duration.ofMinutes(10)),
        0.9,
        ImpactModel.confidence(r, 0.9),
        "bottleneck-saving",
        "test");
  }

  @Test
  void plan_knownEffectAndVariation_runsFromThePowerCalculation() {
    RunVariance v = new RunVariance(OptionalDouble.of(0.1), "history");
    AbTestPlan p = AbTests.plan(ONE, saving(0.1), v);
    // effect = cv: Cohen's d = 1, 17 per arm at alpha 0.05 and power 0.8
    assertEquals(17, p.runsPerArm().orElseThrow());
    assertEquals(0.1, p.runToRunCv().orElseThrow());
    assertTrue(p.stopRule().startsWith("Run 17 of each arm"), p.stopRule());
  }

  @Test
  void plan_unknownVariation_pilotRunsFirst() {
    AbTestPlan p = AbTests.plan(ONE, saving(0.1), new RunVariance(OptionalDouble.empty(), "none"));
    assertTrue(p.runsPerArm().isEmpty());
    assertTrue(p.stopRule().contains("run 3 of each arm first"), p.stopRule());
  }

  @Test
  void plan_unknownImpact_sizedForFivePercent() {
    AbTestPlan p =
        AbTests.plan(
            ONE, Impact.unknown("no model"), new RunVariance(OptionalDouble.of(0.05), "h"));
    assertTrue(p.runsPerArm().isEmpty());
    int n5 = PowerCalculation.runsPerArm(0.05, 0.05, 0.05, 0.8);
    assertTrue(p.stopRule().contains("needs " + n5 + " runs"), p.stopRule());
  }

  @Test
  void plan_tinyEffectAgainstLargeVariation_notVerifiable() {
    AbTestPlan p = AbTests.plan(ONE, saving(0.0001), new RunVariance(OptionalDouble.of(0.5), "h"));
    assertTrue(p.runsPerArm().isEmpty());
    assertTrue(p.stopRule().contains("too small"), p.stopRule());
  }
}
