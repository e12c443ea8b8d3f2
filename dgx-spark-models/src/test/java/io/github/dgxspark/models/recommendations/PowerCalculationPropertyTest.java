package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PowerCalculationPropertyTest {
  @Test
  void smallerEffectNeedsAtLeastAsManyRuns() {
    qt().withExamples(300)
        .forAll(scale4(0.005, 0.9), scale4(0.001, 0.5), scale4(0.1, 0.99))
        .check(
            (effect, cv, shrink) ->
                PowerCalculation.runsPerArm(effect * shrink, cv, 0.05, 0.8)
                    >= PowerCalculation.runsPerArm(effect, cv, 0.05, 0.8));
  }

  @Test
  void largerVariationNeedsAtLeastAsManyRuns() {
    qt().withExamples(300)
        .forAll(scale4(0.005, 0.9), scale4(0.001, 0.5), scale4(1.01, 10))
        .check(
            (effect, cv, grow) ->
                PowerCalculation.runsPerArm(effect, cv * grow, 0.05, 0.8)
                    >= PowerCalculation.runsPerArm(effect, cv, 0.05, 0.8));
  }

  @Test
  void runsAreAtLeastTheNormalApproximationAndAtLeastTwo() {
    qt().withExamples(300)
        .forAll(scale4(0.005, 0.9), scale4(0.001, 0.5))
        .check(
            (effect, cv) -> {
              double z = 1.959963984540054 + 0.8416212335729143;
              double normal = 2 * z * z * (cv / effect) * (cv / effect);
              int n = PowerCalculation.runsPerArm(effect, cv, 0.05, 0.8);
              return n >= 2 && (n >= Math.min(PowerCalculation.MAX_RUNS, Math.ceil(normal) - 1e-9));
            });
  }

  /**
   * Standardised effect 1 (effect = cv), alpha 0.05 two-sided, power 0.8: 17 per group for the
   * two-sample t-test (Cohen 1988, Table 2.4.1: n = 17 for d = 1.0), 16 by the normal
   * approximation.
   */
  @Test
  void cohensTable_effectSizeOne_seventeenPerArm() {
    assertEquals(17, PowerCalculation.runsPerArm(0.1, 0.1, 0.05, 0.8));
  }

  /** d = 0.5: Cohen's table gives 64 per group. */
  @Test
  void cohensTable_effectSizeHalf_sixtyFourPerArm() {
    assertEquals(64, PowerCalculation.runsPerArm(0.05, 0.1, 0.05, 0.8));
  }

  /** {@code min} to {@code max} with four decimal places. */
  private static Gen<Double> scale4(double min, double max) {
    return longs()
        .between(Math.round(min * 10_000), Math.round(max * 10_000))
        .map(n -> n / 10_000.0);
  }
}
