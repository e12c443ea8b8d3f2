package io.github.dgxspark.benchmarks.harness;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.WorkloadType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Streaming: Structured Streaming from the {@code rate-micro-batch} source (a fixed number of rows
 * per micro-batch), a stateful aggregation by key in complete mode into the memory sink, stopped
 * after {@value #BATCHES} micro-batches. Scale 1 = 100,000 rows per batch.
 */
final class StreamingWorkload implements SparkWorkload {
  static final int BATCHES = 8;
  static final long BASE_ROWS_PER_BATCH = 100_000;
  static final int KEYS = 1000;
  private static final long BYTES_PER_ROW = 16;
  private static final long TIMEOUT_MILLIS = 600_000;

  @Override
  public WorkloadType type() {
    return WorkloadType.STREAMING;
  }

  @Override
  public long inputBytes(double scale) {
    return BATCHES * SparkWorkload.rows(BASE_ROWS_PER_BATCH, scale) * BYTES_PER_ROW;
  }

  @Override
  public WorkloadOutcome run(SparkSession spark, double scale, Path workDir) {
    long rowsPerBatch = SparkWorkload.rows(BASE_ROWS_PER_BATCH, scale);
    String queryName = "harness_stream_" + System.nanoTime();
    StreamingQuery query;
    try {
      query =
          spark
              .readStream()
              .format("rate-micro-batch")
              .option("rowsPerBatch", rowsPerBatch)
              .load()
              .groupBy(col("value").mod(KEYS).alias("key"))
              .agg(count("*").alias("n"), sum("value").alias("total"))
              .writeStream()
              .outputMode("complete")
              .format("memory")
              .queryName(queryName)
              .option("checkpointLocation", workDir.resolve("stream-checkpoint").toString())
              .start();
    } catch (TimeoutException e) {
      throw new DgxSparkException("streaming query did not start: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
    try {
      while (completedBatches(query) < BATCHES) {
        if (!query.isActive() || System.nanoTime() > deadline) {
          throw new DgxSparkException(
              String.format(
                  Locale.ROOT,
                  "streaming query stopped or timed out after %d of %d micro-batches: %s",
                  completedBatches(query),
                  BATCHES,
                  query.exception().map(Throwable::getMessage).getOrElse(() -> "no error")));
        }
        query.awaitTermination(20);
      }
      query.stop();
    } catch (StreamingQueryException | TimeoutException e) {
      throw new DgxSparkException("streaming query failed: " + e.getMessage(), e);
    }
    long rowsIn = 0;
    for (StreamingQueryProgress p : query.recentProgress()) {
      rowsIn += p.numInputRows();
    }
    long keys = spark.table(queryName).count();
    return new WorkloadOutcome(
        rowsIn,
        Map.of(
            "batches", (double) completedBatches(query),
            "keys", (double) keys,
            "rowsPerBatch", (double) rowsPerBatch));
  }

  private static int completedBatches(StreamingQuery query) {
    int n = 0;
    for (StreamingQueryProgress p : query.recentProgress()) {
      if (p.numInputRows() > 0) {
        n++;
      }
    }
    return n;
  }
}
