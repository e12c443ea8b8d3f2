package io.github.dgxspark.models.perf;

import java.util.Locale;

/** What holds an application back. */
public enum BottleneckKind {
  /** JVM garbage collection takes a large share of task time. */
  GC,
  /** A few tasks of a stage run much longer than its median task. */
  TASK_SKEW,
  /** Execution memory spills to disk. */
  SPILL,
  /** Most task time is in stages that read or write shuffle data. */
  SHUFFLE_BOUND,
  /** Most task time is in stages that read input. */
  INPUT_BOUND,
  /** The driver's own work: time with no task running. */
  DRIVER_BOUND,
  /** Stages with fewer tasks than task slots leave slots idle. */
  TOO_FEW_PARTITIONS,
  /** Tasks so short that per-task overhead dominates. */
  TOO_MANY_PARTITIONS,
  /** Executor slots alive but running no task. */
  IDLE_EXECUTORS,
  /** Tasks failed and were retried. */
  TASK_FAILURES,
  /** Tasks failed with a GPU out-of-memory error. */
  GPU_OUT_OF_MEMORY,
  /** Executors were lost and their work redone. */
  EXECUTOR_LOSS,
  /** Shuffle fetches failed, forcing map stages to be resubmitted. */
  FETCH_FAILURES,
  /** Shuffle traffic near the cluster's network bandwidth. */
  NETWORK_SATURATION;

  /**
   * The lower-case id used in JSON.
   *
   * @return e.g. {@code task-skew}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
