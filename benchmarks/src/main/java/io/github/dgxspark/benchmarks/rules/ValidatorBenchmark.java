package io.github.dgxspark.benchmarks.rules;

import io.github.dgxspark.benchmarks.BenchmarkDefaults;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.rules.RuleBook;
import io.github.dgxspark.rules.ValidationReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to validate a 60-key config against every rule of the built-in catalog, with and without the
 * hardware (4 × DGX H100, standalone); the target is 50 µs per call. The config is the optimizer's
 * GPU config topped up with common hand-written keys (one typo, one bare size, one secret) to 60
 * keys. The baseline redacts the same config, one pass over its entries with the secret-key
 * pattern, so the validator's cost reads as a ratio to it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ValidatorBenchmark}
 */
@State(Scope.Benchmark)
public class ValidatorBenchmark extends BenchmarkDefaults {
  @Param({"false", "true"})
  public boolean withHardware;

  private RuleBook book;
  private SparkConfig config;
  private Optional<ClusterSpec> hardware;

  /** Builds the DGX H100 cluster, the 60-key config and loads the rule book. */
  @Setup
  public void setUp() {
    ClusterSpec cluster = dgxH100Cluster(4);
    Map<String, String> m =
        new LinkedHashMap<>(
            SparkConfigOptimizer.optimize(
                    cluster, WorkloadSpec.of(WorkloadType.ETL, ByteSizes.TIB, ExecutionMode.GPU))
                .config()
                .entries());
    String[][] extra = {
      {"spark.app.name", "nightly-etl"},
      {"spark.master", "spark://head:7077"},
      {"spark.eventLog.enabled", "true"},
      {"spark.eventLog.dir", "hdfs:///spark-logs"},
      {"spark.sql.session.timeZone", "UTC"},
      {"spark.sql.parquet.compression.codec", "zstd"},
      {"spark.io.compression.codec", "zstd"},
      {"spark.speculation", "false"},
      {"spark.sql.autoBroadcastJoinThreshold", "64m"},
      {"spark.memory.fraction", "0.6"},
      {"spark.memory.storageFraction", "0.5"},
      {"spark.executor.heartbeatInterval", "10s"},
      {"spark.rdd.compress", "true"},
      {"spark.shuffle.compress", "true"},
      {"spark.sql.adaptive.skewJoin.skewedPartitionFactor", "5.0"},
      {"spark.sql.files.openCostInBytes", "4m"},
      {"spark.sql.broadcastTimeout", "600"},
      {"spark.ui.port", "4050"},
      {"spark.executor.memry", "32g"},
      {"spark.driver.maxResultSize", "4096"},
      {"spark.authenticate.secret", "not-a-real-secret"},
      {"spark.hadoop.fs.s3a.endpoint", "http://minio:9000"},
      {"spark.sql.shuffle.partitions", "2048"},
      {"spark.locality.wait", "0s"},
      {"spark.task.maxFailures", "4"},
      {"spark.sql.adaptive.localShuffleReader.enabled", "true"},
      {"spark.cleaner.periodicGC.interval", "15min"},
      {"spark.scheduler.mode", "FAIR"}
    };
    for (String[] kv : extra) {
      if (m.size() >= 60) {
        break;
      }
      m.putIfAbsent(kv[0], kv[1]);
    }
    config = new SparkConfig(m);
    hardware = withHardware ? Optional.of(cluster) : Optional.empty();
    book = RuleBook.builtIn();
  }

  /**
   * One validation of the 60-key config.
   *
   * @return the report, so JMH keeps the work
   */
  @Benchmark
  public ValidationReport validate() {
    return book.validate(config, hardware);
  }

  /**
   * Baseline: redacting the same config.
   *
   * @return the redacted config
   */
  @Benchmark
  public SparkConfig baselineRedact() {
    return config.redacted();
  }
}
