package io.github.dgxspark.models.perf;

import io.github.dgxspark.models.ModelsException;
import java.util.Locale;

/**
 * The cluster a recorded application is replayed on: how many executors, their cores and, for a GPU
 * (RAPIDS Accelerator) job, their GPUs and how many tasks may use one GPU at once. Everything else
 * (task CPUs, task GPU share, the tasks themselves) is taken from the event log; only a stage sized
 * by Spark's default parallelism, which follows the executors' cores, is re-split into the
 * target's.
 *
 * @param executors executors, 1 or more
 * @param executorCores cores per executor, 1 or more
 * @param gpusPerExecutor GPUs per executor, 0 for a CPU job
 * @param concurrentGpuTasks {@code spark.rapids.sql.concurrentGpuTasks}: tasks per GPU that hold
 *     the GPU at the same time, 1 or more (ignored for a CPU job)
 */
public record ReplaySpec(
    int executors, int executorCores, int gpusPerExecutor, int concurrentGpuTasks) {
  // Checks the fields.
  public ReplaySpec {
    if (executors < 1) {
      throw new ModelsException(
          String.format(
              Locale.ROOT, "replay executors is %d; expected 1 or more executors", executors));
    }
    if (executorCores < 1) {
      throw new ModelsException(
          String.format(
              Locale.ROOT, "replay executorCores is %d; expected 1 or more cores", executorCores));
    }
    if (gpusPerExecutor < 0) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "replay gpusPerExecutor is %d; expected 0 (CPU) or more GPUs",
              gpusPerExecutor));
    }
    if (concurrentGpuTasks < 1) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "replay concurrentGpuTasks is %d; expected 1 or more tasks per GPU",
              concurrentGpuTasks));
    }
  }

  /**
   * The same layout with another executor count.
   *
   * @param count executors, 1 or more
   * @return the new spec
   * @throws ModelsException if count is below 1
   */
  public ReplaySpec withExecutors(int count) {
    return new ReplaySpec(count, executorCores, gpusPerExecutor, concurrentGpuTasks);
  }
}
