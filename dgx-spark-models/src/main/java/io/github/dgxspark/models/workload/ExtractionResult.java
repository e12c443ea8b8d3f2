package io.github.dgxspark.models.workload;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Facts read from a description: data size, model size, GPU intent and operations.
 *
 * @param dataSize the data size, absent when the text gives none
 * @param modelParameters the model's parameter count ("1B parameters", "a 7B model"), when given
 * @param gpuIntent whether the text asks for or rules out GPUs
 * @param operations the operations named, as canonical names (e.g. {@code join}, {@code aggregate},
 *     {@code write}, {@code fit}, {@code read-stream}), in order of first mention
 */
public record ExtractionResult(
    Optional<DataSizeFinding> dataSize,
    OptionalLong modelParameters,
    GpuIntent gpuIntent,
    List<String> operations) {
  // Checks the fields and copies the list.
  public ExtractionResult {
    Objects.requireNonNull(dataSize, "dataSize");
    Objects.requireNonNull(modelParameters, "modelParameters");
    Objects.requireNonNull(gpuIntent, "gpuIntent");
    operations = List.copyOf(operations);
  }
}
