package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.models.ModelsException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
  void plan_knownEffectAndVariation_detectableWithinThirtyRuns() {
    AbTestPlan p = AbTests.plan(ONE, saving(0.1), new RunVariance(OptionalDouble.of(0.1), "h"));
    assertTrue(p.detectable());
    assertTrue(p.runsPerArm().orElseThrow() <= AbTestPlan.MAX_RUNS_PER_ARM);
  }

  @Test
  void plan_effectNeedingMoreThanThirtyRuns_notDetectableWithTheRunsItWouldNeed() {
    // effect = cv / 2: Cohen's d = 0.5, 64 per arm at alpha 0.05 and power 0.8 (Cohen 1988,
    // table 2.4.1)
    AbTestPlan p = AbTests.plan(ONE, saving(0.05), new RunVariance(OptionalDouble.of(0.1), "h"));
    assertFalse(p.detectable());
    assertEquals(64, p.runsPerArm().orElseThrow());
    assertTrue(p.stopRule().startsWith("Not detectable by an A/B test"), p.stopRule());
    assertTrue(p.stopRule().contains("it would take 64 runs of each arm"), p.stopRule());
    assertFalse(p.stopRule().contains("Run 64"), p.stopRule());
  }

  @Test
  void plan_unknownVariation_pilotRunsFirst() {
    AbTestPlan p = AbTests.plan(ONE, saving(0.1), new RunVariance(OptionalDouble.empty(), "none"));
    assertTrue(p.runsPerArm().isEmpty());
    assertFalse(p.detectable());
    assertTrue(p.stopRule().contains("run 3 of each arm first"), p.stopRule());
  }

  @Test
  void plan_unknownImpact_notDetectableNamesTheSmallestDetectableChange() {
    AbTestPlan p =
        AbTests.plan(
            ONE, Impact.unknown("no model"), new RunVariance(OptionalDouble.of(0.05), "h"));
    assertTrue(p.runsPerArm().isEmpty());
    assertFalse(p.detectable());
    assertTrue(p.stopRule().contains("30 runs of each arm"), p.stopRule());
  }

  @Test
  void smallestDetectable_isTheBoundaryOfThirtyRuns() {
    for (double cv : new double[] {0.01, 0.037, 0.1, 0.5}) {
      double d = AbTests.smallestDetectable(cv, 0.05, 0.8);
      assertTrue(PowerCalculation.runsPerArm(d, cv, 0.05, 0.8) <= AbTestPlan.MAX_RUNS_PER_ARM);
      assertTrue(
          PowerCalculation.runsPerArm(d * 0.97, cv, 0.05, 0.8) > AbTestPlan.MAX_RUNS_PER_ARM);
    }
  }

  @Test
  void plan_tinyEffectAgainstLargeVariation_notVerifiable() {
    AbTestPlan p = AbTests.plan(ONE, saving(0.0001), new RunVariance(OptionalDouble.of(0.5), "h"));
    assertTrue(p.runsPerArm().isEmpty());
    assertFalse(p.detectable());
    assertTrue(p.stopRule().contains("more than 10,000"), p.stopRule());
  }

  @Test
  void plan_detectableAboveThirtyRuns_rejected() {
    ModelsException e =
        assertThrows(
            ModelsException.class,
            () ->
                new AbTestPlan(
                    "a",
                    "b",
                    "m",
                    OptionalInt.of(31),
                    true,
                    0.05,
                    0.8,
                    OptionalDouble.of(0.1),
                    "h",
                    "s"));
    assertTrue(e.getMessage().contains("at most 30"), e.getMessage());
  }
}
