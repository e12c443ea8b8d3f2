/**
 * The real-Spark harness: real workloads (ETL, TPC-H-like SQL, MLlib training, Structured
 * Streaming, GraphX) run on Apache Spark with Spark's defaults and with the config {@link
 * io.github.dgxspark.core.SparkConfigOptimizer} recommends, each run in a fresh JVM with event logs
 * on; the runs go to the performance history and the ratio recommended ÷ default is reported per
 * workload. {@link io.github.dgxspark.benchmarks.harness.Harness} is the entry point.
 */
package io.github.dgxspark.benchmarks.harness;
