package io.github.dgxspark.models.estimate;

import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.workload.Classification;
import io.github.dgxspark.models.workload.DataSizeFinding;
import io.github.dgxspark.models.workload.ExtractionResult;
import io.github.dgxspark.models.workload.GpuIntent;
import io.github.dgxspark.models.workload.IntensityResult;
import io.github.dgxspark.models.workload.WorkloadAnalyzer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The job to estimate: a described or logged workload.
 *
 * @param type its class
 * @param typeConfidence how sure the class is, in [0, 1] (1 when the caller stated it)
 * @param inputBytes bytes it reads; absent when unknown, which widens every interval
 * @param modelParameters the model's parameter count for ML work, when known
 * @param mode CPU, GPU or let the estimator decide (GPU when the cluster has GPUs)
 * @param measuredIntensity CPU time per input byte measured in an event log, when there is one
 * @param basis where the job's facts come from, one sentence
 */
public record JobSpec(
    WorkloadType type,
    double typeConfidence,
    OptionalLong inputBytes,
    OptionalLong modelParameters,
    ExecutionMode mode,
    Optional<IntensityResult> measuredIntensity,
    String basis) {
  // Checks the fields.
  public JobSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(inputBytes, "inputBytes");
    Objects.requireNonNull(modelParameters, "modelParameters");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(measuredIntensity, "measuredIntensity");
    Objects.requireNonNull(basis, "basis");
    if (!(typeConfidence >= 0 && typeConfidence <= 1)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "job type confidence is %s; expected a value in [0, 1]",
              typeConfidence));
    }
    if (inputBytes.isPresent() && inputBytes.getAsLong() < 0) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "job input size is %d bytes; expected 0 or more",
              inputBytes.getAsLong()));
    }
    if (modelParameters.isPresent() && modelParameters.getAsLong() <= 0) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "model size is %d parameters; expected 1 or more",
              modelParameters.getAsLong()));
    }
  }

  /**
   * A job from a description: classified and read by {@link WorkloadAnalyzer}.
   *
   * @param text e.g. {@code "train XGBoost on 2 TB of features on the GPUs"}
   * @return the job; GPU mode when the text asks for GPUs, CPU when it rules them out
   * @throws ModelsException if the text is blank or holds a bad size
   */
  public static JobSpec describe(String text) {
    Classification c = WorkloadAnalyzer.classify(text);
    ExtractionResult e = WorkloadAnalyzer.extract(text);
    ExecutionMode mode =
        e.gpuIntent() == GpuIntent.REQUESTED
            ? ExecutionMode.GPU
            : e.gpuIntent() == GpuIntent.DECLINED ? ExecutionMode.CPU : ExecutionMode.AUTO;
    return new JobSpec(
        c.workloadType(),
        c.confidence(),
        e.dataSize().map(DataSizeFinding::bytes).map(OptionalLong::of).orElse(OptionalLong.empty()),
        e.modelParameters(),
        mode,
        Optional.empty(),
        "description: " + c.reason() + e.dataSize().map(d -> "; " + d.reason()).orElse(""));
  }

  /**
   * A job the caller describes with core's workload record.
   *
   * @param workload the workload
   * @return the job, its type taken as certain
   */
  public static JobSpec of(WorkloadSpec workload) {
    Objects.requireNonNull(workload, "workload");
    return new JobSpec(
        workload.type(),
        1.0,
        workload.inputBytes(),
        OptionalLong.empty(),
        workload.mode(),
        Optional.empty(),
        "workload given by the caller");
  }

  /**
   * A job that ran: class, input and CPU time per byte from its event log.
   *
   * @param profile the profile
   * @return the job, GPU mode when the log ran GPU operators
   */
  public static JobSpec fromProfile(ApplicationProfile profile) {
    Objects.requireNonNull(profile, "profile");
    Classification c = WorkloadAnalyzer.classify(profile);
    long input = profile.totals().inputBytes();
    boolean gpu = profile.operatorNames().stream().anyMatch(o -> o.startsWith("Gpu"));
    return new JobSpec(
        c.workloadType(),
        c.confidence(),
        OptionalLong.of(input),
        OptionalLong.empty(),
        gpu ? ExecutionMode.GPU : ExecutionMode.CPU,
        input > 0 ? Optional.of(WorkloadAnalyzer.intensity(profile)) : Optional.empty(),
        "event log " + profile.applicationId().orElse("(no application id)") + ": " + c.reason());
  }
}
