package io.github.dgxspark.adapter;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.Language;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.estimate.JobSpec;
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
   * Resolves the workload spec: the given type, size and mode, and for what is not given, what the
   * description says (classified and read by the models' workload analyzer).
   *
   * @return the workload; {@code unknown} when neither type nor description is given
   * @throws io.github.dgxspark.core.DgxSparkException if the type, size or mode is not valid, or
   *     the description is blank or holds a bad size
   */
  public WorkloadSpec resolve() {
    JobSpec job = job();
    return new WorkloadSpec(job.type(), job.inputBytes(), List.of(), job.mode(), Language.JVM);
  }

  /**
   * The job the estimators size: {@link JobSpec#describe(String)} of the description, with the
   * given type (then taken as certain), size and mode in place of what it read.
   *
   * @return the job
   * @throws io.github.dgxspark.core.DgxSparkException if the type, size or mode is not valid, or
   *     the description is blank or holds a bad size
   */
  public JobSpec job() {
    Optional<WorkloadType> type = workloadType.map(WorkloadType::parse);
    OptionalLong bytes =
        dataSize.map(s -> OptionalLong.of(positiveSize(s))).orElse(OptionalLong.empty());
    Optional<ExecutionMode> m = mode.map(ExecutionMode::parse);
    if (description.isEmpty()) {
      return JobSpec.of(
          new WorkloadSpec(
              type.orElse(WorkloadType.UNKNOWN),
              bytes,
              List.of(),
              m.orElse(ExecutionMode.AUTO),
              Language.JVM));
    }
    JobSpec d = JobSpec.describe(description.get());
    return new JobSpec(
        type.orElse(d.type()),
        type.isPresent() ? 1.0 : d.typeConfidence(),
        bytes.isPresent() ? bytes : d.inputBytes(),
        d.modelParameters(),
        m.orElse(d.mode()),
        d.measuredIntensity(),
        d.basis());
  }

  private static long positiveSize(String text) {
    long bytes = ByteSizes.parseBytes(text);
    if (bytes <= 0) {
      throw new AdapterException(
          "data size '"
              + text
              + "' is zero; expected the job's input size above 0, e.g. 500g or 1t (leave it out"
              + " when unknown)");
    }
    return bytes;
  }
}
