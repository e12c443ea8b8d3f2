package io.github.dgxspark.core;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the job does.
 *
 * @param type its class in the fixed taxonomy
 * @param inputBytes bytes the job reads, when known
 * @param operations notable operations (e.g. {@code join}, {@code groupBy}, {@code fit}), possibly
 *     none
 * @param mode CPU, GPU or let the optimizer decide
 * @param language the language of the application's code
 */
public record WorkloadSpec(
    WorkloadType type,
    OptionalLong inputBytes,
    List<String> operations,
    ExecutionMode mode,
    Language language) {
  // Checks the fields and copies the list.
  public WorkloadSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(inputBytes, "inputBytes");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(language, "language");
    operations = List.copyOf(operations);
    if (inputBytes.isPresent()) {
      Checks.nonNegative("workload inputBytes", inputBytes.getAsLong());
    }
  }

  /**
   * A JVM workload of the given type and mode with a known input size and no listed operations.
   *
   * @param type the workload type
   * @param inputBytes bytes read, 0 or more
   * @param mode the execution mode
   * @return the workload
   */
  public static WorkloadSpec of(WorkloadType type, long inputBytes, ExecutionMode mode) {
    return new WorkloadSpec(type, OptionalLong.of(inputBytes), List.of(), mode, Language.JVM);
  }
}
