package io.github.dgxspark.models.recommendations;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Builds the A/B test plan of a recommendation from its impact and the run-to-run variation. */
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
          alpha,
          power,
          OptionalDouble.empty(),
          variance.source(),
          "Run-to-run variation unknown: run 3 of each arm first, compute the coefficient of"
              + " variation cv = sd/mean of the baseline runs and the runs per arm n = 2"
              + " (z(1-alpha/2) + z(power))^2 (cv/effect)^2, with the effect "
              + (impact.known() ? "predicted here" : "you need to see")
              + "; then complete n runs of each."
              + alternate
              + harm);
    }
    double cv = variance.cv().getAsDouble();
    if (!impact.known() || impact.expectedSavingFraction() == 0) {
      int n5 = PowerCalculation.runsPerArm(0.05, cv, alpha, power);
      return new AbTestPlan(
          baseline,
          proposed,
          metric,
          OptionalInt.empty(),
          alpha,
          power,
          OptionalDouble.of(cv),
          variance.source(),
          String.format(
              Locale.ROOT,
              "No predicted effect to size the test for: at the observed variation (cv %s) a 5 %%"
                  + " change needs %d runs of each arm at alpha %s and power %s; run those, and"
                  + " keep the change only if the proposed arm is faster.%s%s",
              fmt(cv),
              n5,
              fmt(alpha),
              fmt(power),
              alternate,
              harm));
    }
    double effect = impact.expectedSavingFraction();
    int n = PowerCalculation.runsPerArm(effect, cv, alpha, power);
    String stop;
    if (n >= PowerCalculation.MAX_RUNS) {
      stop =
          String.format(
              Locale.ROOT,
              "The predicted %s change is too small against a run-to-run variation of cv %s to"
                  + " verify by A/B runs; apply it only for the reason given.",
              pct(effect),
              fmt(cv));
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
        n >= PowerCalculation.MAX_RUNS ? OptionalInt.empty() : OptionalInt.of(n),
        alpha,
        power,
        OptionalDouble.of(cv),
        variance.source(),
        stop);
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.3g", d);
  }

  static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }
}
