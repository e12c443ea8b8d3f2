package io.github.dgxspark.models.recommendations;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Builds the A/B test plan of a recommendation from its impact and the run-to-run variation. A plan
 * never asks for more than {@link AbTestPlan#MAX_RUNS_PER_ARM} runs of each arm: a smaller effect
 * is marked not detectable, with the runs it would need.
 */
final class AbTests {
  private AbTests() {}

  static AbTestPlan plan(List<Change> changes, Impact impact, RunVariance variance) {
    String baseline = "the current config, unchanged";
    String proposed =
        "the current config with "
            + (changes.size() == 1 ? "this change" : "these " + changes.size() + " changes")
            + " applied, nothing else changed";
    String metric =
        "application wall time (application start to end in the event log), same input data and"
            + " cluster; also record failed tasks and spill so a faster but failing run is not a win";
    double alpha = PowerCalculation.ALPHA;
    double power = PowerCalculation.POWER;
    int max = AbTestPlan.MAX_RUNS_PER_ARM;
    String alternate =
        " Alternate the arms (A, B, A, B, ...) on an otherwise idle cluster so drift hits both;"
            + " compare the means with Welch's t-test at alpha "
            + fmt(alpha)
            + ".";
    String harm =
        " Stop early and revert if a proposed run fails, or after 3 runs of each if every proposed"
            + " run is slower than every baseline run.";
    if (variance.cv().isEmpty()) {
      return new AbTestPlan(
          baseline,
          proposed,
          metric,
          OptionalInt.empty(),
          false,
          alpha,
          power,
          OptionalDouble.empty(),
          variance.source(),
          "Run-to-run variation unknown: run 3 of each arm first, compute the coefficient of"
              + " variation cv = sd/mean of the baseline runs and the runs per arm n = 2"
              + " (z(1-alpha/2) + z(power))^2 (cv/effect)^2, with the effect "
              + (impact.known() ? "predicted here" : "you need to see")
              + "; run the test only if n is at most "
              + max
              + "."
              + alternate
              + harm);
    }
    double cv = variance.cv().getAsDouble();
    double smallest = smallestDetectable(cv, alpha, power);
    if (!impact.known() || impact.expectedSavingFraction() == 0) {
      return new AbTestPlan(
          baseline,
          proposed,
          metric,
          OptionalInt.empty(),
          false,
          alpha,
          power,
          OptionalDouble.of(cv),
          variance.source(),
          String.format(
              Locale.ROOT,
              "No predicted effect to size the test for. At a run-to-run variation of cv %s, %d"
                  + " runs of each arm (alpha %s, power %s) detect a change of %s or more; a"
                  + " smaller one cannot be verified by A/B runs, so apply the change for the"
                  + " reason given and check what the guidance says to watch.%s%s",
              fmt(cv),
              max,
              fmt(alpha),
              fmt(power),
              pct(smallest),
              alternate,
              harm));
    }
    double effect = impact.expectedSavingFraction();
    int n = PowerCalculation.runsPerArm(effect, cv, alpha, power);
    boolean detectable = n <= max;
    OptionalInt runs = n >= PowerCalculation.MAX_RUNS ? OptionalInt.empty() : OptionalInt.of(n);
    String stop;
    if (!detectable) {
      stop =
          String.format(
              Locale.ROOT,
              "Not detectable by an A/B test: the predicted %s change is below the %s that %d runs"
                  + " of each arm can detect at a run-to-run variation of cv %s (alpha %s, power"
                  + " %s); it would take %s runs of each arm. Apply it for the reason given and"
                  + " check what the guidance says to watch instead.",
              pct(effect),
              pct(smallest),
              max,
              fmt(cv),
              fmt(alpha),
              fmt(power),
              runs.isPresent()
                  ? String.format(Locale.ROOT, "%,d", n)
                  : String.format(Locale.ROOT, "more than %,d", PowerCalculation.MAX_RUNS));
    } else {
      stop =
          String.format(
              Locale.ROOT,
              "Run %d of each arm (two-sample t-test, alpha %s two-sided, power %s, predicted"
                  + " effect %s, cv %s), then stop: keep the change if the proposed arm is"
                  + " significantly faster; if it is not, the effect is smaller than predicted and"
                  + " more runs will not pay off.%s%s",
              n,
              fmt(alpha),
              fmt(power),
              pct(effect),
              fmt(cv),
              alternate,
              harm);
    }
    return new AbTestPlan(
        baseline,
        proposed,
        metric,
        runs,
        detectable,
        alpha,
        power,
        OptionalDouble.of(cv),
        variance.source(),
        stop);
  }

  /**
   * The smallest relative change {@link AbTestPlan#MAX_RUNS_PER_ARM} runs of each arm detect: the
   * power calculation's runs fall as the effect grows, so the answer is found by bisection on it.
   */
  static double smallestDetectable(double cv, double alpha, double power) {
    double low = 1e-6;
    double high = 10;
    for (int i = 0; i < 60; i++) {
      double mid = Math.sqrt(low * high);
      if (PowerCalculation.runsPerArm(mid, cv, alpha, power) <= AbTestPlan.MAX_RUNS_PER_ARM) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.3g", d);
  }

  static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }
}
