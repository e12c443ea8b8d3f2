package io.github.dgxspark.adapter;

import io.github.dgxspark.models.estimate.ResourceEstimate;
import java.util.Objects;

/**
 * The answer of {@link Operations#resources}: {@code {"job":{...},"resources":{"memoryBytes",
 * "cores","gpus","gpuMemoryBytes","nodes","fitsCluster","reasoning"},"hardware":{...}}}.
 *
 * @param job the job as resolved
 * @param resources memory, cores, GPUs and nodes the job needs, with the reasoning
 * @param hardware the hardware it is for
 */
public record ResourcesResult(
    EstimateResult.Job job, ResourceEstimate resources, ClusterSummary hardware) {
  // Checks the fields.
  public ResourcesResult {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(hardware, "hardware");
  }
}
