package io.github.dgxspark.benchmarks.models;

import com.github.luben.zstd.ZstdInputStream;
import io.github.dgxspark.benchmarks.BenchmarkDefaults;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.workload.Qualification;
import io.github.dgxspark.models.workload.QualificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Qualification throughput beside {@link EventLogs#read} on the same input: reading an uncompressed
 * real event log and qualifying its application for a DGX H100 node ({@link
 * Qualification#qualify}), against reading it alone (the baseline). Logs/s = 1000 ÷ ms per
 * operation; MB/s = the file's size ÷ the time per operation. The gap between the two methods is
 * what the wall-time model, the operator shares and the optimizer's config add per application.
 *
 * <p>The input is a real fixture ({@code tasks_executors_fail_compressed_eventlog.zstd}, Spark
 * 3.1.1, 34.9 MiB uncompressed, 28 SQL executions) decompressed to a temporary file in setup; the
 * unit is milliseconds because one operation reads tens of MiB.
 *
 * <p>Run: {@code ./mvnw -B -o -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar QualifyBenchmark} from the project root (the fixture folder is
 * {@code -Ddgxspark.fixtures.dir}, default {@code fixtures}).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QualifyBenchmark extends BenchmarkDefaults {
  @Param({"tasks_executors_fail_compressed_eventlog.zstd"})
  public String fixture;

  private Path log;
  private ClusterSpec target;

  /**
   * Decompresses the fixture to a plain JSON-lines file and builds the target.
   *
   * @throws IOException if the fixture cannot be read or the file written
   */
  @Setup
  public void setUp() throws IOException {
    Path source =
        Path.of(System.getProperty("dgxspark.fixtures.dir", "fixtures"), "eventlogs")
            .resolve(fixture);
    log = Files.createTempFile("eventlog-", ".json");
    try (InputStream in = new ZstdInputStream(Files.newInputStream(source));
        OutputStream out = Files.newOutputStream(log)) {
      in.transferTo(out);
    }
    target = dgxH100Cluster(1);
  }

  /**
   * Removes the decompressed file.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(log);
  }

  /**
   * Reading the log and qualifying its application.
   *
   * @return the report
   */
  @Benchmark
  public QualificationReport qualify() {
    return Qualification.qualify(EventLogs.read(log), target);
  }

  /**
   * Baseline: reading the log alone, as {@code EventLogIngestBenchmark} measures it.
   *
   * @return the profile
   */
  @Benchmark
  public ApplicationProfile baselineEventLogsRead() {
    return EventLogs.read(log);
  }
}
