package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.rules.Severity;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a recommendation ranks and why.
 *
 * @param rank 1 for the first recommendation to apply, then 2, 3, ...; 0 before ranking
 * @param blocking true when it fixes an {@link Severity#ERROR}: Spark rejects the config or the job
 *     cannot run as configured, so it comes first whatever its predicted saving
 * @param score expected saving (fraction of run time) × confidence ÷ effort; 0 when the impact is
 *     unknown
 * @param severity the severity of the finding or bottleneck behind it (ties of score are broken by
 *     it, most severe first)
 * @param effort 1 = SQL settings a session can change, 2 = a new application submit, 3 = a change
 *     on the cluster (a jar, a plugin, a worker or script setting)
 * @param basis how the score was computed
 */
public record Priority(
    int rank, boolean blocking, double score, Severity severity, int effort, String basis) {
  // Checks the fields.
  public Priority {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(basis, "basis");
    if (rank < 0 || effort < 1 || effort > 3 || !(score >= 0) || !Double.isFinite(score)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "priority rank %d, score %.4f or effort %d is not valid; expected rank >= 0, finite"
                  + " score >= 0, effort 1-3",
              rank,
              score,
              effort));
    }
  }

  /**
   * The same priority at another rank.
   *
   * @param newRank the rank
   * @return a copy with that rank
   */
  public Priority withRank(int newRank) {
    return new Priority(newRank, blocking, score, severity, effort, basis);
  }
}
