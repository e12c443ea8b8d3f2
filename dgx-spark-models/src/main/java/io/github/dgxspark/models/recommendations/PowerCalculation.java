package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.models.ModelsException;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Runs per arm for a two-sample, two-sided t-test of equal means with equal variances: the smallest
 * n with n ≥ 2 (t(1−α/2, 2n−2) + t(power, 2n−2))² (σ/δ)², found by fixed-point iteration from the
 * normal approximation n₀ = 2 (z(1−α/2) + z(power))² (σ/δ)² (e.g. Chow, Shao and Wang, Sample Size
 * Calculations in Clinical Research, 2nd ed., §3.2.1). The effect δ and the standard deviation σ
 * are both fractions of the baseline mean, so σ/δ = coefficient of variation ÷ relative effect.
 */
final class PowerCalculation {
  /** Two-sided significance level of the plans. */
  static final double ALPHA = 0.05;

  /** Power of the plans. */
  static final double POWER = 0.8;

  /** Above this many runs per arm the effect is too small to verify by A/B runs. */
  static final int MAX_RUNS = 10_000;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private PowerCalculation() {}

  /**
   * Runs of each arm needed.
   *
   * @param effectFraction the predicted change of the mean, as a fraction of the baseline (its
   *     absolute value is used)
   * @param cv the run-to-run coefficient of variation (σ ÷ mean)
   * @param alpha two-sided significance level
   * @param power the wanted power
   * @return runs per arm, at least 2, at most {@link #MAX_RUNS}
   * @throws ModelsException if the effect or CV is not positive and finite, or alpha/power are not
   *     in (0, 1)
   */
  static int runsPerArm(double effectFraction, double cv, double alpha, double power) {
    double effect = Math.abs(effectFraction);
    if (!(effect > 0) || !Double.isFinite(effect) || !(cv > 0) || !Double.isFinite(cv)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "power calculation effect %.6f or coefficient of variation %.6f is not valid; expected"
                  + " both positive and finite",
              effectFraction,
              cv));
    }
    if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "power calculation alpha %.4f or power %.4f is not valid; expected both in (0, 1)",
              alpha,
              power));
    }
    double ratio = cv / effect;
    double zSum =
        NORMAL.inverseCumulativeProbability(1 - alpha / 2)
            + NORMAL.inverseCumulativeProbability(power);
    double n0 = 2 * zSum * zSum * ratio * ratio;
    if (n0 >= MAX_RUNS) {
      return MAX_RUNS;
    }
    // the t quantiles exceed the z quantiles, so the answer is at least n0; the condition's right
    // side falls as n grows, so the first n that meets it is the smallest
    for (int n = Math.max(2, (int) Math.ceil(n0)); n < MAX_RUNS; n++) {
      TDistribution t = new TDistribution(null, 2.0 * n - 2);
      double tSum =
          t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(power);
      if (n >= 2 * tSum * tSum * ratio * ratio) {
        return n;
      }
    }
    return MAX_RUNS;
  }
}
