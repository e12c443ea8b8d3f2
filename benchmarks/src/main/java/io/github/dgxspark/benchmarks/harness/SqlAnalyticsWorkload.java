package io.github.dgxspark.benchmarks.harness;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.github.dgxspark.core.WorkloadType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * SQL analytics: TPC-H-like {@code lineitem}, {@code orders} and {@code customer} tables generated
 * into Parquet, then TPC-H queries 1 (pricing summary), 3 (shipping priority), 6 (forecast revenue
 * change) and 10-like (returned items by customer) in Spark SQL. Scale 1 = 1,200,000 line items.
 * The data follows TPC-H's column meanings, not its exact distributions.
 */
final class SqlAnalyticsWorkload implements SparkWorkload {
  static final long BASE_LINEITEMS = 1_200_000;
  private static final long BYTES_PER_LINEITEM = 64;

  static final String Q1 =
      "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty,"
          + " sum(l_extendedprice) AS sum_base_price,"
          + " sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,"
          + " sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,"
          + " avg(l_quantity) AS avg_qty, avg(l_discount) AS avg_disc, count(*) AS count_order"
          + " FROM lineitem WHERE l_shipdate <= date '1998-09-02'"
          + " GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus";

  static final String Q3 =
      "SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate,"
          + " o_shippriority FROM customer, orders, lineitem"
          + " WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey"
          + " AND o_orderdate < date '1995-03-15' AND l_shipdate > date '1995-03-15'"
          + " GROUP BY l_orderkey, o_orderdate, o_shippriority"
          + " ORDER BY revenue DESC, o_orderdate LIMIT 10";

  static final String Q6 =
      "SELECT sum(l_extendedprice * l_discount) AS revenue FROM lineitem"
          + " WHERE l_shipdate >= date '1994-01-01' AND l_shipdate < date '1995-01-01'"
          + " AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24";

  static final String Q10 =
      "SELECT c_custkey, sum(l_extendedprice * (1 - l_discount)) AS revenue"
          + " FROM customer, orders, lineitem"
          + " WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey"
          + " AND o_orderdate >= date '1993-10-01' AND o_orderdate < date '1994-01-01'"
          + " AND l_returnflag = 'R' GROUP BY c_custkey ORDER BY revenue DESC LIMIT 20";

  @Override
  public WorkloadType type() {
    return WorkloadType.SQL_ANALYTICS;
  }

  @Override
  public long inputBytes(double scale) {
    return SparkWorkload.rows(BASE_LINEITEMS, scale) * BYTES_PER_LINEITEM;
  }

  @Override
  public WorkloadOutcome run(SparkSession spark, double scale, Path workDir) {
    long lineitems = SparkWorkload.rows(BASE_LINEITEMS, scale);
    long orders = Math.max(1, lineitems / 4);
    long customers = Math.max(1, orders / 10);
    Dataset<Row> customer =
        spark
            .range(customers)
            .select(
                col("id").alias("c_custkey"),
                when(col("id").mod(5).equalTo(0), lit("BUILDING"))
                    .when(col("id").mod(5).equalTo(1), lit("AUTOMOBILE"))
                    .when(col("id").mod(5).equalTo(2), lit("MACHINERY"))
                    .when(col("id").mod(5).equalTo(3), lit("HOUSEHOLD"))
                    .otherwise(lit("FURNITURE"))
                    .alias("c_mktsegment"));
    Dataset<Row> ordersDf =
        spark
            .range(orders)
            .select(
                col("id").alias("o_orderkey"),
                col("id").multiply(7919).mod(customers).alias("o_custkey"),
                date_add(to_date(lit("1992-01-01")), floor(rand(3).multiply(2405)).cast("int"))
                    .alias("o_orderdate"),
                lit(0).alias("o_shippriority"));
    Dataset<Row> lineitem =
        spark
            .range(lineitems)
            .select(
                col("id").mod(orders).alias("l_orderkey"),
                floor(rand(11).multiply(50).plus(1)).alias("l_quantity"),
                rand(13).multiply(100_000).alias("l_extendedprice"),
                floor(rand(17).multiply(11)).divide(100).alias("l_discount"),
                floor(rand(19).multiply(9)).divide(100).alias("l_tax"),
                when(rand(23).lt(0.25), lit("R"))
                    .when(rand(29).lt(0.5), lit("A"))
                    .otherwise(lit("N"))
                    .alias("l_returnflag"),
                when(rand(31).lt(0.5), lit("O")).otherwise(lit("F")).alias("l_linestatus"),
                date_add(to_date(lit("1992-01-02")), floor(rand(37).multiply(2526)).cast("int"))
                    .alias("l_shipdate"));
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("customer", customer);
    tables.put("orders", ordersDf);
    tables.put("lineitem", lineitem);
    tables.forEach(
        (name, df) -> {
          String dir = workDir.resolve("tpch-" + name).toString();
          df.write().mode(SaveMode.Overwrite).parquet(dir);
          spark.read().parquet(dir).createOrReplaceTempView(name);
        });
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("q1Groups", (double) spark.sql(Q1).collectAsList().size());
    figures.put("q3Rows", (double) spark.sql(Q3).collectAsList().size());
    Row q6 = spark.sql(Q6).first();
    figures.put("q6Revenue", q6.isNullAt(0) ? 0.0 : q6.getDouble(0));
    figures.put("q10Rows", (double) spark.sql(Q10).collectAsList().size());
    return new WorkloadOutcome(lineitems + orders + customers, figures);
  }
}
