package io.github.dgxspark.adapter;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.Language;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the job is, as the CLI's {@code --workload TYPE}, {@code --describe TEXT}, {@code
 * --data-size SIZE} and {@code --mode cpu|gpu|auto} or the tools' {@code workloadType}, {@code
 * description}, {@code dataSize} and {@code mode} arguments say.
 *
 * @param workloadType a workload type id ({@code etl}, {@code sql-analytics}, ...)
 * @param description a free-text description, classified when no type is given
 * @param dataSize the input size in Spark's units ({@code 1t}, {@code 500g}, {@code 2tb})
 * @param mode {@code cpu}, {@code gpu} or {@code auto}; auto when absent
 */
public record WorkloadOptions(
    Optional<String> workloadType,
    Optional<String> description,
    Optional<String> dataSize,
    Optional<String> mode) {

  // Checks the fields.
  public WorkloadOptions {
    Objects.requireNonNull(workloadType, "workloadType");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(dataSize, "dataSize");
    Objects.requireNonNull(mode, "mode");
  }

  /**
   * Resolves the workload spec.
   *
   * @return the workload
   * @throws io.github.dgxspark.core.DgxSparkException if the type, size or mode is not valid
   */
  public WorkloadSpec resolve() {
    WorkloadType type = workloadType.map(WorkloadType::parse).orElse(WorkloadType.UNKNOWN);
    OptionalLong bytes =
        dataSize.map(s -> OptionalLong.of(ByteSizes.parseBytes(s))).orElse(OptionalLong.empty());
    ExecutionMode m = mode.map(ExecutionMode::parse).orElse(ExecutionMode.AUTO);
    return new WorkloadSpec(type, bytes, List.of(), m, Language.JVM);
  }
}
