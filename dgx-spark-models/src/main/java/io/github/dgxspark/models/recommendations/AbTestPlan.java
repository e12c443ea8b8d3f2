package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.models.ModelsException;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How to check a recommendation on the real job: baseline against proposed, the metric, how many
 * runs of each are needed to see the predicted effect (a two-sample power calculation on the
 * run-to-run variation), and when to stop.
 *
 * @param baseline what the baseline arm runs
 * @param proposed what the proposed arm runs
 * @param metric what to measure in every run
 * @param runsPerArm runs of each arm needed to detect the predicted effect at {@code alpha} and
 *     {@code power}; empty when the effect or the run-to-run variation is unknown (then {@code
 *     stopRule} says how to find it) or too small to size (beyond what the power calculation
 *     computes); when present but above {@link #MAX_RUNS_PER_ARM}, the runs a test would need
 * @param detectable true when the predicted effect can be detected with at most {@link
 *     #MAX_RUNS_PER_ARM} runs of each arm; false otherwise, and then the plan does not ask for the
 *     runs ({@code stopRule} says what to do instead)
 * @param alpha the two-sided significance level, e.g. 0.05
 * @param power the probability of detecting the predicted effect if it is real, e.g. 0.8
 * @param runToRunCv the run-to-run coefficient of variation of the metric (standard deviation ÷
 *     mean) the calculation used, when known
 * @param varianceSource where that variation was observed
 * @param stopRule when to stop and how to decide
 */
public record AbTestPlan(
    String baseline,
    String proposed,
    String metric,
    OptionalInt runsPerArm,
    boolean detectable,
    double alpha,
    double power,
    OptionalDouble runToRunCv,
    String varianceSource,
    String stopRule) {
  /** The most runs of each arm a plan asks for: above this an A/B test is not worth running. */
  public static final int MAX_RUNS_PER_ARM = 30;

  // Checks the fields.
  public AbTestPlan {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(proposed, "proposed");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(runsPerArm, "runsPerArm");
    Objects.requireNonNull(runToRunCv, "runToRunCv");
    Objects.requireNonNull(varianceSource, "varianceSource");
    Objects.requireNonNull(stopRule, "stopRule");
    if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "A/B test alpha %.4f or power %.4f is not valid; expected both strictly between 0 and 1",
              alpha,
              power));
    }
    if (runsPerArm.isPresent() && runsPerArm.getAsInt() < 2) {
      throw new ModelsException(
          "A/B test runsPerArm is "
              + runsPerArm.getAsInt()
              + "; expected at least 2 runs of each arm");
    }
    if (detectable && (runsPerArm.isEmpty() || runsPerArm.getAsInt() > MAX_RUNS_PER_ARM)) {
      throw new ModelsException(
          "A/B test is marked detectable with runsPerArm "
              + runsPerArm
              + "; expected detectable only with at most "
              + MAX_RUNS_PER_ARM
              + " runs of each arm");
    }
  }
}
