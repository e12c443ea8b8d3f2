package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.models.ModelsException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The predicted effect of a recommendation on run time and cost, with its interval, or {@code
 * known=false} when no model can say (never a made-up number).
 *
 * @param known true when a model predicted the change; false means "unknown"
 * @param runTimeChange the change of the application's wall time as a fraction of the baseline
 *     (negative is faster), present when known
 * @param costChange the change of the cost as a fraction of the baseline, present when known: cost
 *     is run time × the cores or GPUs held, which is what energy and amortisation (and cloud
 *     instance hours) scale with
 * @param baselineRunTime the measured or modelled wall time the fractions refer to, when there is
 *     one
 * @param level the intended coverage of the intervals, e.g. 0.8 for 80 %; 0 when unknown
 * @param confidence the probability that the change helps (that run time falls), read from the
 *     interval under a normal model; 0 when unknown
 * @param method the model behind the numbers: {@code bottleneck-saving}, {@code replay-simulator},
 *     {@code ernest} or {@code none}
 * @param basis how the numbers were computed, or why the models cannot say
 */
public record Impact(
    boolean known,
    Optional<Range> runTimeChange,
    Optional<Range> costChange,
    Optional<Duration> baselineRunTime,
    double level,
    double confidence,
    String method,
    String basis) {

  /** The method of an impact no model could predict. */
  public static final String NO_METHOD = "none";

  // Checks the fields.
  public Impact {
    Objects.requireNonNull(runTimeChange, "runTimeChange");
    Objects.requireNonNull(costChange, "costChange");
    Objects.requireNonNull(baselineRunTime, "baselineRunTime");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(basis, "basis");
    if (known != runTimeChange.isPresent() || known != costChange.isPresent()) {
      throw new ModelsException(
          "impact known is "
              + known
              + " but run time and cost changes are "
              + (runTimeChange.isPresent() ? "present" : "absent")
              + "/"
              + (costChange.isPresent() ? "present" : "absent")
              + "; expected both present exactly when known");
    }
    if (!(level >= 0 && level < 1) || !(confidence >= 0 && confidence <= 1)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "impact level %.4f or confidence %.4f is not valid; expected 0 <= level < 1 and 0 <="
                  + " confidence <= 1",
              level,
              confidence));
    }
    if (basis.isBlank()) {
      throw new ModelsException("impact basis is blank; expected how it was computed or why not");
    }
  }

  /**
   * An impact no model can predict.
   *
   * @param why why the models cannot say
   * @return an impact with {@code known=false}
   */
  public static Impact unknown(String why) {
    return new Impact(
        false, Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NO_METHOD, why);
  }

  /**
   * The expected saving: the fall in run time as a fraction of the baseline.
   *
   * @return {@code -runTimeChange.expected} when known and positive, else 0
   */
  public double expectedSavingFraction() {
    return runTimeChange.map(r -> Math.max(0, -r.expected())).orElse(0.0);
  }
}
