package io.github.dgxspark.adapter;

import io.github.dgxspark.models.workload.Classification;
import io.github.dgxspark.models.workload.ExtractionResult;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer of {@link Operations#classify}: {@code {"workloadType","confidence","runnerUp",
 * "runnerUpConfidence","evidence":[...],"basis","reason","extraction":{"dataSizeBytes"?,
 * "dataSizeText"?,"dataSizeReason"?,"modelParameters"?,"gpuIntent","operations":[...]}}}.
 *
 * @param workloadType the class's id
 * @param confidence its confidence, 0-1
 * @param runnerUp the second class's id
 * @param runnerUpConfidence its confidence, 0-1
 * @param evidence what decided it
 * @param basis what it was made from: {@code text} or {@code event-log}
 * @param reason a sentence saying why
 * @param extraction the size, model size, GPU intent and operations read from the text
 */
public record ClassifyResult(
    String workloadType,
    double confidence,
    String runnerUp,
    double runnerUpConfidence,
    List<String> evidence,
    String basis,
    String reason,
    Extraction extraction) {
  // Checks the fields and copies the list.
  public ClassifyResult {
    Objects.requireNonNull(workloadType, "workloadType");
    Objects.requireNonNull(extraction, "extraction");
    evidence = List.copyOf(evidence);
  }

  static ClassifyResult of(Classification c, ExtractionResult e) {
    return new ClassifyResult(
        c.workloadType().id(),
        c.confidence(),
        c.runnerUp().id(),
        c.runnerUpConfidence(),
        c.evidence(),
        c.basis().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        c.reason(),
        new Extraction(
            e.dataSize().map(d -> d.bytes()),
            e.dataSize().map(d -> d.matchedText()),
            e.dataSize().map(d -> d.reason()),
            e.modelParameters(),
            e.gpuIntent().name().toLowerCase(Locale.ROOT),
            e.operations()));
  }

  /**
   * What was read from the text besides its class.
   *
   * @param dataSizeBytes the input size, when the text names one
   * @param dataSizeText the words it was read from
   * @param dataSizeReason how it was read
   * @param modelParameters the model's parameter count, when the text names one
   * @param gpuIntent {@code requested}, {@code declined} or {@code unstated}
   * @param operations the operations named
   */
  public record Extraction(
      Optional<Long> dataSizeBytes,
      Optional<String> dataSizeText,
      Optional<String> dataSizeReason,
      OptionalLong modelParameters,
      String gpuIntent,
      List<String> operations) {
    // Checks the fields and copies the list.
    public Extraction {
      Objects.requireNonNull(dataSizeBytes, "dataSizeBytes");
      Objects.requireNonNull(dataSizeText, "dataSizeText");
      Objects.requireNonNull(dataSizeReason, "dataSizeReason");
      Objects.requireNonNull(modelParameters, "modelParameters");
      Objects.requireNonNull(gpuIntent, "gpuIntent");
      operations = List.copyOf(operations);
    }
  }
}
