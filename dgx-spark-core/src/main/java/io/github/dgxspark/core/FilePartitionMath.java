package io.github.dgxspark.core;

import java.util.Locale;

/**
 * How Spark SQL cuts files into scan splits: the one formula of {@code FilePartition.maxSplitBytes}
 * (Apache Spark v3.5.3,
 * github.com/apache/spark/blob/v3.5.3/sql/core/src/main/scala/org/apache/spark/sql/execution/datasources/FilePartition.scala#L109-L120;
 * the same since Spark 3.0, where {@code minPartitionNum} was added):
 *
 * <pre>
 * bytesPerCore = totalBytes / minPartitionNum   (minPartitionNum defaults to the default parallelism)
 * maxSplitBytes = min(maxPartitionBytes, max(openCostInBytes, bytesPerCore))
 * </pre>
 *
 * <p>So {@code spark.sql.files.maxPartitionBytes} caps a split only when the scan holds more than
 * that many bytes per task slot; below, the split is the bytes per slot whatever the setting.
 */
public final class FilePartitionMath {
  private FilePartitionMath() {}

  /**
   * The largest split Spark makes for a scan.
   *
   * @param maxPartitionBytes {@code spark.sql.files.maxPartitionBytes} in bytes
   * @param openCostInBytes {@code spark.sql.files.openCostInBytes} in bytes
   * @param totalBytes the bytes of the files the scan reads (each file counted with its open cost)
   * @param minPartitionNum {@code spark.sql.files.minPartitionNum}, else the default parallelism
   *     (the task slots)
   * @return the split size in bytes
   * @throws DgxSparkException if a size is negative or {@code minPartitionNum} is not positive
   */
  public static long maxSplitBytes(
      long maxPartitionBytes, long openCostInBytes, long totalBytes, int minPartitionNum) {
    if (maxPartitionBytes <= 0 || openCostInBytes < 0 || totalBytes < 0 || minPartitionNum < 1) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "scan split inputs maxPartitionBytes %d, openCostInBytes %d, totalBytes %d,"
                  + " minPartitionNum %d are not valid; expected a positive maxPartitionBytes and"
                  + " minPartitionNum and non-negative byte counts",
              maxPartitionBytes,
              openCostInBytes,
              totalBytes,
              minPartitionNum));
    }
    long bytesPerCore = totalBytes / minPartitionNum;
    return Math.min(maxPartitionBytes, Math.max(openCostInBytes, bytesPerCore));
  }
}
