package io.github.dgxspark.benchmarks.harness;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.sum;

import io.github.dgxspark.core.WorkloadType;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * ETL: generate a fact table and a dimension, join them, write the enriched facts and a per-region
 * aggregate as Parquet, read both back. Scale 1 = 2,000,000 facts (about 64 MB in memory).
 */
final class EtlWorkload implements SparkWorkload {
  static final long BASE_ROWS = 2_000_000;
  static final int REGIONS = 25;
  private static final long BYTES_PER_ROW = 32;

  @Override
  public WorkloadType type() {
    return WorkloadType.ETL;
  }

  @Override
  public long inputBytes(double scale) {
    return SparkWorkload.rows(BASE_ROWS, scale) * BYTES_PER_ROW;
  }

  @Override
  public WorkloadOutcome run(SparkSession spark, double scale, Path workDir) {
    long rows = SparkWorkload.rows(BASE_ROWS, scale);
    long customers = Math.max(REGIONS, rows / 100);
    Dataset<Row> facts =
        spark
            .range(rows)
            .withColumn("customer", col("id").mod(customers))
            .withColumn("amount", rand(7).multiply(100));
    Dataset<Row> dim =
        spark
            .range(customers)
            .withColumnRenamed("id", "customer")
            .withColumn("region", col("customer").mod(REGIONS));
    Dataset<Row> enriched = facts.join(dim, "customer");
    String factsDir = workDir.resolve("etl-enriched").toString();
    String aggDir = workDir.resolve("etl-by-region").toString();
    enriched.write().mode(SaveMode.Overwrite).parquet(factsDir);
    spark
        .read()
        .parquet(factsDir)
        .groupBy("region")
        .agg(count("*").alias("n"), sum("amount").alias("total"), avg("amount").alias("mean"))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(aggDir);
    Dataset<Row> agg = spark.read().parquet(aggDir);
    long regions = agg.count();
    double factsBack = agg.agg(sum("n")).first().getLong(0);
    return new WorkloadOutcome(rows, Map.of("regions", (double) regions, "rowsWritten", factsBack));
  }
}
