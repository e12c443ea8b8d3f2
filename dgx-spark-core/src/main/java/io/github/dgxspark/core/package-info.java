/**
 * Core of dgx-spark: the records that describe hardware ({@link io.github.dgxspark.core.NodeSpec},
 * {@link io.github.dgxspark.core.ClusterSpec}) and workloads ({@link
 * io.github.dgxspark.core.WorkloadSpec}), Spark's size and time units ({@link
 * io.github.dgxspark.core.ByteSizes}, {@link io.github.dgxspark.core.SparkDurations}), Spark
 * configs ({@link io.github.dgxspark.core.SparkConfig}) and the config optimizer ({@link
 * io.github.dgxspark.core.SparkConfigOptimizer}). No I/O happens here.
 */
package io.github.dgxspark.core;
