package io.github.dgxspark.benchmarks.harness;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.LongStream;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim behind rule {@code ParquetLz4RawCodec}, on the real Spark the project builds against:
 * Parquet written with {@code lz4_raw} fails to read back through a filtered scan, while the same
 * table written with snappy reads. The rule itself is tested by its case file ({@code
 * ParquetLz4RawCodec.json}). If a Spark upgrade brings a parquet-java with the fix (apache/
 * parquet-java #3486), the first test fails and the rule's message must be revised.
 */
class ParquetLz4RawIT {
  private static final String CODEC_KEY = "spark.sql.parquet.compression.codec";
  // 2,526 distinct ints in runs (like the harness's l_shipdate days): a 10 KB dictionary page,
  // above the ~8 KiB chunk. Whether a page breaks depends on where the LZ4 sequences fall, so
  // the data is fixed; random days of the same range read back (tried while writing this test).
  private static final int DISTINCT = 2_526;
  private static final int MAX_KEY = 100;
  private static final long ROWS = 1_000_000;

  @TempDir static Path tmp;
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  private static long writeAndFilter(String codec) {
    String dir = tmp.resolve(codec).toString();
    return ItSupport.withTimeout(
        spark,
        3,
        () -> {
          spark.conf().set(CODEC_KEY, codec);
          spark
              .range(ROWS)
              .select(col("id").mod(DISTINCT).cast("int").alias("k"), col("id").alias("v"))
              .write()
              .mode(SaveMode.Overwrite)
              .parquet(dir);
          return spark.read().parquet(dir).where(col("k").leq(MAX_KEY)).count();
        });
  }

  @Test
  void lz4Raw_failsToReadBackWhatSparkWrote() {
    AssertionError e = assertThrows(AssertionError.class, () -> writeAndFilter("lz4_raw"));
    Throwable cause = e;
    boolean malformed = false;
    while (cause != null) {
      malformed |= String.valueOf(cause).contains("MalformedInputException");
      cause = cause.getCause();
    }
    assertTrue(malformed, "expected the LZ4_RAW decompressor's MalformedInputException: " + e);
  }

  @Test
  void snappy_readsTheSameTableBack() {
    assertEquals(
        LongStream.range(0, ROWS).filter(i -> i % DISTINCT <= MAX_KEY).count(),
        writeAndFilter("snappy"));
  }
}
