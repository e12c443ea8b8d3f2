package io.github.dgxspark.models.workload;

import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which class of the fixed taxonomy a workload belongs to, how sure the analyzer is, the runner-up
 * and the evidence that decided.
 *
 * @param workloadType the class; {@link WorkloadType#UNKNOWN} when the input gives no basis
 * @param confidence the probability the analyzer gives {@code workloadType}, in [0, 1]
 * @param runnerUp the second most likely class
 * @param runnerUpConfidence its probability, in [0, {@code confidence}]
 * @param evidence what decided, most important first (words of the text, or operators, stages and
 *     events of the event log)
 * @param basis what was classified
 * @param reason one sentence saying how the class was chosen
 */
public record Classification(
    WorkloadType workloadType,
    double confidence,
    WorkloadType runnerUp,
    double runnerUpConfidence,
    List<String> evidence,
    Basis basis,
    String reason) {

  /** What a classification was made from. */
  public enum Basis {
    /** A text: a sentence, a SQL statement or a code fragment, classified by the trained model. */
    TEXT,
    /** An event log's profile: operators, stages, events and settings that really ran. */
    EVENT_LOG
  }

  // Checks the fields and copies the list.
  public Classification {
    Objects.requireNonNull(workloadType, "workloadType");
    Objects.requireNonNull(runnerUp, "runnerUp");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(reason, "reason");
    evidence = List.copyOf(evidence);
    if (!(confidence >= 0 && confidence <= 1)
        || !(runnerUpConfidence >= 0 && runnerUpConfidence <= confidence + 1e-12)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "classification confidences %.4f and %.4f are not valid; expected 0 <= runner-up <= confidence <= 1",
              confidence,
              runnerUpConfidence));
    }
  }
}
