package io.github.dgxspark.models.estimate;

import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.perf.PerformancePrediction;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One answer to "how long will this job take": the time models' answers judged against the range of
 * measured runs each one rests on, and one expected time with one interval from the models that
 * hold there.
 *
 * <p>Rules: a model whose validity range holds the job is used; with two, the expected time is the
 * geometric mean of theirs and the interval spans both their intervals (so it contains both
 * predictions). A model outside its range is not used. When no model's range holds the job, the
 * per-byte rates are extrapolated (linear in input size and cores), the interval is widened to
 * every model's, and {@code extrapolated} says so.
 *
 * @param expected the expected wall time
 * @param low the interval's low end
 * @param high the interval's high end
 * @param level the interval's intended coverage, e.g. 0.8 for 80 %
 * @param model which model(s) the expected time rests on, e.g. {@code "per-byte rates and Ernest"}
 * @param extrapolated true when no model's validity range holds the job: the answer is an
 *     extrapolation
 * @param models each model's own answer with its validity range, in the order per-byte rates,
 *     Ernest (Ernest absent when it gives no prediction)
 * @param reason which model was used and why, one paragraph
 * @param rates the per-byte rates' estimate behind the per-byte model
 * @param ernest Ernest's prediction, also when it gives no time (its reason says why)
 */
public record CombinedTimeReport(
    Duration expected,
    Duration low,
    Duration high,
    double level,
    String model,
    boolean extrapolated,
    List<ModelTime> models,
    String reason,
    TimeEstimate rates,
    PerformancePrediction ernest) {
  // Checks the fields and copies the list.
  public CombinedTimeReport {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(ernest, "ernest");
    models = List.copyOf(models);
    checkInterval("combined time", low, expected, high);
  }

  /**
   * One model's answer and whether the job lies in the range of measured runs the model rests on.
   *
   * @param name the model: {@code "per-byte rates"} or {@code "Ernest"}
   * @param expected its expected wall time
   * @param low its interval's low end
   * @param high its interval's high end
   * @param inRange true when the job lies inside the model's validity range
   * @param used true when the combined answer uses this model
   * @param validity the model's validity range and where the job lies, one sentence
   * @param source which runs the model rests on: the user's history or the built-in one
   */
  public record ModelTime(
      String name,
      Duration expected,
      Duration low,
      Duration high,
      boolean inRange,
      boolean used,
      String validity,
      String source) {
    // Checks the fields.
    public ModelTime {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(validity, "validity");
      Objects.requireNonNull(source, "source");
      checkInterval(name + " time", low, expected, high);
    }

    /** The same answer, marked used or not. */
    ModelTime withUsed(boolean isUsed) {
      return new ModelTime(name, expected, low, high, inRange, isUsed, validity, source);
    }
  }

  private static void checkInterval(String what, Duration low, Duration expected, Duration high) {
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(high, "high");
    if (low.isNegative() || low.compareTo(expected) > 0 || expected.compareTo(high) > 0) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "%s %d ms (%d-%d ms) is not inside its interval; expected 0 <= low <= expected <="
                  + " high",
              what,
              expected.toMillis(),
              low.toMillis(),
              high.toMillis()));
    }
  }
}
