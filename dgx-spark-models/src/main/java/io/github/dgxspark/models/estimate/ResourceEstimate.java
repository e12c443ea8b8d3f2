package io.github.dgxspark.models.estimate;

import java.util.List;

/**
 * Resources a job needs on a cluster, with the reasoning.
 *
 * @param memoryBytes executor memory needed in all, bytes
 * @param cores executor cores worth using (one per input partition, at most the cluster's)
 * @param gpus GPUs needed (0 for a CPU job)
 * @param gpuMemoryBytes GPU memory needed in all, bytes (0 for a CPU job)
 * @param nodes nodes of the cluster's kind needed for the memory, cores and GPUs
 * @param fitsCluster true when {@code nodes} is not more than the cluster has
 * @param reasoning one line per figure, saying how it was obtained
 */
public record ResourceEstimate(
    long memoryBytes,
    int cores,
    int gpus,
    long gpuMemoryBytes,
    int nodes,
    boolean fitsCluster,
    List<String> reasoning) {
  // Copies the list.
  public ResourceEstimate {
    reasoning = List.copyOf(reasoning);
  }
}
