package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class PowerCalculationPropertyTest {
  @Property(tries = 300)
  boolean smallerEffectNeedsAtLeastAsManyRuns(
      @ForAll @Scale(4) @DoubleRange(min = 0.005, max = 0.9) double effect,
      @ForAll @Scale(4) @DoubleRange(min = 0.001, max = 0.5) double cv,
      @ForAll @Scale(4) @DoubleRange(min = 0.1, max = 0.99) double shrink) {
    return PowerCalculation.runsPerArm(effect * shrink, cv, 0.05, 0.8)
        >= PowerCalculation.runsPerArm(effect, cv, 0.05, 0.8);
  }

  @Property(tries = 300)
  boolean largerVariationNeedsAtLeastAsManyRuns(
      @ForAll @Scale(4) @DoubleRange(min = 0.005, max = 0.9) double effect,
      @ForAll @Scale(4) @DoubleRange(min = 0.001, max = 0.5) double cv,
      @ForAll @Scale(4) @DoubleRange(min = 1.01, max = 10) double grow) {
    return PowerCalculation.runsPerArm(effect, cv * grow, 0.05, 0.8)
        >= PowerCalculation.runsPerArm(effect, cv, 0.05, 0.8);
  }

  @Property(tries = 300)
  boolean runsAreAtLeastTheNormalApproximationAndAtLeastTwo(
      @ForAll @Scale(4) @DoubleRange(min = 0.005, max = 0.9) double effect,
      @ForAll @Scale(4) @DoubleRange(min = 0.001, max = 0.5) double cv) {
    double z = 1.959963984540054 + 0.8416212335729143;
    double normal = 2 * z * z * (cv / effect) * (cv / effect);
    int n = PowerCalculation.runsPerArm(effect, cv, 0.05, 0.8);
    return n >= 2 && (n >= Math.min(PowerCalculation.MAX_RUNS, Math.ceil(normal) - 1e-9));
  }

  /**
   * Standardised effect 1 (effect = cv), alpha 0.05 two-sided, power 0.8: 17 per group for the
   * two-sample t-test (Cohen 1988, Table 2.4.1: n = 17 for d = 1.0), 16 by the normal
   * approximation.
   */
  @Example
  void cohensTable_effectSizeOne_seventeenPerArm() {
    assertEquals(17, PowerCalculation.runsPerArm(0.1, 0.1, 0.05, 0.8));
  }

  /** d = 0.5: Cohen's table gives 64 per group. */
  @Example
  void cohensTable_effectSizeHalf_sixtyFourPerArm() {
    assertEquals(64, PowerCalculation.runsPerArm(0.05, 0.1, 0.05, 0.8));
  }
}
