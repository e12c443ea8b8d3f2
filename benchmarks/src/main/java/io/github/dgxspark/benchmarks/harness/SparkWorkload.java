package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.WorkloadType;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One real workload the harness runs on a session at a data scale. */
interface SparkWorkload {
  /**
   * The workload's class in the optimizer's taxonomy.
   *
   * @return the type the optimizer is asked about
   */
  WorkloadType type();

  /**
   * About how many bytes the workload generates and reads at this scale, told to the optimizer.
   *
   * @param scale the data scale factor (1 = the base size)
   * @return bytes
   */
  long inputBytes(double scale);

  /**
   * Runs the workload to completion.
   *
   * @param spark the session
   * @param scale the data scale factor (1 = the base size)
   * @param workDir a folder the workload may write to (Parquet output, checkpoints)
   * @return what it produced, for checks
   */
  WorkloadOutcome run(SparkSession spark, double scale, Path workDir);

  /**
   * Rows at this scale, at least 1.
   *
   * @param baseRows rows at scale 1
   * @param scale the scale factor
   * @return rows
   */
  static long rows(long baseRows, double scale) {
    return Math.max(1, Math.round(baseRows * scale));
  }
}
