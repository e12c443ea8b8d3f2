package io.github.dgxspark.models.workload;

/** What a description says about running on GPUs. */
public enum GpuIntent {
  /** The text asks for GPUs (GPU, CUDA, RAPIDS, a GPU model name, {@code use_gpu=True}). */
  REQUESTED,
  /** The text rules GPUs out ("CPU only", "without GPUs"). */
  DECLINED,
  /** The text does not say. */
  UNSTATED
}
