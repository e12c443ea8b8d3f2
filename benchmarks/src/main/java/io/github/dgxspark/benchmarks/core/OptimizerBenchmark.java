package io.github.dgxspark.benchmarks.core;

import io.github.dgxspark.benchmarks.BenchmarkDefaults;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one optimizer call (cluster + workload → reasoned config) on a DGX H100-like node, 1 or 4
 * nodes, CPU and GPU mode; the target is 20 µs per call. The baseline renders an already computed
 * config as spark-defaults.conf, the cheapest thing a caller does with the result, so the
 * optimizer's cost reads as a ratio to it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OptimizerBenchmark}
 */
@State(Scope.Benchmark)
public class OptimizerBenchmark extends BenchmarkDefaults {
  @Param({"1", "4"})
  public int nodes;

  @Param({"CPU", "GPU"})
  public String mode;

  private ClusterSpec cluster;
  private WorkloadSpec workload;
  private SparkConfig computed;

  /** Builds the DGX H100-shaped cluster ({@link #dgxH100Cluster(int)}) and the workload. */
  @Setup
  public void setUp() {
    cluster = dgxH100Cluster(nodes);
    workload = WorkloadSpec.of(WorkloadType.ETL, ByteSizes.TIB, ExecutionMode.valueOf(mode));
    computed = SparkConfigOptimizer.optimize(cluster, workload).config();
  }

  /**
   * One optimizer call.
   *
   * @return the result, so JMH keeps the work
   */
  @Benchmark
  public OptimizationResult optimize() {
    return SparkConfigOptimizer.optimize(cluster, workload);
  }

  /**
   * Baseline: rendering a computed config as spark-defaults.conf.
   *
   * @return the rendered text
   */
  @Benchmark
  public String baselineRenderDefaults() {
    return computed.toDefaultsConf();
  }
}
