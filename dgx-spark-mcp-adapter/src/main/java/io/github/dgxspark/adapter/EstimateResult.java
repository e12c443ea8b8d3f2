package io.github.dgxspark.adapter;

import io.github.dgxspark.models.estimate.CombinedTimeReport;
import io.github.dgxspark.models.estimate.CostEstimate;
import io.github.dgxspark.models.estimate.JobSpec;
import io.github.dgxspark.models.estimate.ResourceEstimate;
import io.github.dgxspark.models.estimate.TimeEstimate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer of {@link Operations#estimate} and {@link Operations#predict}: {@code {"job":{...},
 * "resources":{...}?,"time":{...},"answer":{...},"cost":{...},"hardware":{...},
 * "performance":{...}}}; {@code predict} has no {@code resources}.
 *
 * @param job the job as resolved
 * @param resources memory, cores, GPUs and nodes the job needs ({@code estimate} only)
 * @param time the per-byte estimators' time with an interval
 * @param answer the one combined time answer and the models behind it
 * @param cost cost on-prem and in the cloud
 * @param hardware the hardware it is for
 * @param performance the Ernest model's prediction behind the answer
 */
public record EstimateResult(
    Job job,
    Optional<ResourceEstimate> resources,
    Time time,
    Answer answer,
    CostEstimate cost,
    ClusterSummary hardware,
    ErnestPrediction performance) {
  // Checks the fields.
  public EstimateResult {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(performance, "performance");
  }

  /**
   * The job as resolved.
   *
   * @param workloadType the workload type's id
   * @param typeConfidence confidence in the type, 0-1
   * @param inputBytes bytes the job reads, when known
   * @param modelParameters the model's parameters, when known
   * @param mode the execution mode's id ({@code cpu}, {@code gpu}, {@code auto})
   * @param basis where the job's figures come from
   */
  public record Job(
      String workloadType,
      double typeConfidence,
      OptionalLong inputBytes,
      OptionalLong modelParameters,
      String mode,
      String basis) {
    // Checks the fields.
    public Job {
      Objects.requireNonNull(workloadType, "workloadType");
      Objects.requireNonNull(inputBytes, "inputBytes");
      Objects.requireNonNull(modelParameters, "modelParameters");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(basis, "basis");
    }

    static Job of(JobSpec j) {
      return new Job(
          j.type().id(),
          j.typeConfidence(),
          j.inputBytes(),
          j.modelParameters(),
          j.mode().id(),
          j.basis());
    }
  }

  /**
   * The per-byte estimators' time.
   *
   * @param expectedMs expected wall time
   * @param lowMs low end of the interval
   * @param highMs high end of the interval
   * @param level the interval's level, 0-1
   * @param fallback true when it rests on generic priors, not measured runs
   * @param vague true when the job gives no size
   * @param measuredRuns measured runs behind it
   * @param reason how it was computed
   * @param source the method and data
   */
  public record Time(
      long expectedMs,
      long lowMs,
      long highMs,
      double level,
      boolean fallback,
      boolean vague,
      int measuredRuns,
      String reason,
      String source) {
    // Checks the fields.
    public Time {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(source, "source");
    }

    static Time of(TimeEstimate t) {
      return new Time(
          t.expected().toMillis(),
          t.low().toMillis(),
          t.high().toMillis(),
          t.level(),
          t.fallback(),
          t.vague(),
          t.measuredRuns(),
          t.reason(),
          t.source());
    }
  }

  /**
   * The one time answer combining the models.
   *
   * @param expectedMs expected wall time
   * @param lowMs low end of the interval
   * @param highMs high end of the interval
   * @param level the interval's level, 0-1
   * @param model the model the answer comes from
   * @param extrapolated true when no model has measured runs near the job
   * @param reason why that model, and how the interval was set
   * @param models each model's time
   */
  public record Answer(
      long expectedMs,
      long lowMs,
      long highMs,
      double level,
      String model,
      boolean extrapolated,
      String reason,
      List<Model> models) {
    // Checks the fields and copies the list.
    public Answer {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(reason, "reason");
      models = List.copyOf(models);
    }

    static Answer of(CombinedTimeReport a) {
      return new Answer(
          a.expected().toMillis(),
          a.low().toMillis(),
          a.high().toMillis(),
          a.level(),
          a.model(),
          a.extrapolated(),
          a.reason(),
          a.models().stream().map(Model::of).toList());
    }
  }

  /**
   * One model's time.
   *
   * @param name the model, e.g. {@code per-byte rates}, {@code Ernest}
   * @param expectedMs expected wall time
   * @param lowMs low end of the interval
   * @param highMs high end of the interval
   * @param inRange true when the job lies in the model's validity range
   * @param used true when the answer comes from it
   * @param validity the sizes, cores and mode it is valid for, and where the job lies
   * @param source the method and data
   */
  public record Model(
      String name,
      long expectedMs,
      long lowMs,
      long highMs,
      boolean inRange,
      boolean used,
      String validity,
      String source) {
    // Checks the fields.
    public Model {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(validity, "validity");
      Objects.requireNonNull(source, "source");
    }

    static Model of(CombinedTimeReport.ModelTime m) {
      return new Model(
          m.name(),
          m.expected().toMillis(),
          m.low().toMillis(),
          m.high().toMillis(),
          m.inRange(),
          m.used(),
          m.validity(),
          m.source());
    }
  }
}
