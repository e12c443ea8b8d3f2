package io.github.dgxspark.benchmarks.models;

import com.github.luben.zstd.ZstdInputStream;
import io.github.dgxspark.benchmarks.BenchmarkDefaults;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.ReplayListenerBus;
import org.apache.spark.scheduler.SparkListener;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Ingestion of an uncompressed event log: {@link EventLogs#read} beside Spark's own reader, {@link
 * ReplayListenerBus#replay} with a no-op listener (what the History Server runs), on the same file
 * in the same run; the baseline only reads the file's bytes. MB/s = file size ÷ time per operation;
 * the targets are ≥ 300 MB/s on one core and ≥ 5× Spark's reader.
 *
 * <p>The input is a real fixture ({@code tasks_executors_fail_compressed_eventlog.zstd}, Spark
 * 3.1.1, 34.9 MiB uncompressed) decompressed to a temporary file in setup. The unit is
 * milliseconds, not the defaults' microseconds, because one operation reads tens of MiB; the mode
 * is sample time, not average time, because on a shared machine the distribution's low percentiles
 * (the least disturbed runs) say more than a mean inflated by other processes.
 *
 * <p>Run (Spark is a provided dependency, so not in benchmarks.jar; put it on the class path):
 * {@code ./mvnw -B -o -q -pl benchmarks package -DskipTests && java -cp
 * "benchmarks/target/classes:$(./mvnw -B -o -q -pl benchmarks dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout)" org.openjdk.jmh.Main EventLogIngestBenchmark} from the project
 * root (the fixture folder is {@code -Ddgxspark.fixtures.dir}, default {@code fixtures}, the
 * repository's test-data folder).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EventLogIngestBenchmark extends BenchmarkDefaults {
  @Param({"tasks_executors_fail_compressed_eventlog.zstd"})
  public String fixture;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private Path log;

  /** CPU time of the benchmark thread and operations, per iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    /** CPU nanoseconds spent in the measured calls. */
    public long cpuNanos;

    /** Calls measured. */
    public long ops;

    /** Zeroes the counters before an iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      cpuNanos = 0;
      ops = 0;
    }

    long start() {
      return THREADS.getCurrentThreadCpuTime();
    }

    void stop(long startNanos) {
      cpuNanos += THREADS.getCurrentThreadCpuTime() - startNanos;
      ops++;
    }
  }

  /**
   * Decompresses the fixture to a plain JSON-lines file.
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
   * dgx-spark's reader: the whole profile.
   *
   * @param cpu the CPU-time counters
   * @return the profile
   */
  @Benchmark
  public ApplicationProfile dgxSparkEventLogs(CpuTime cpu) {
    long t = cpu.start();
    ApplicationProfile p = EventLogs.read(log);
    cpu.stop(t);
    return p;
  }

  /**
   * Spark's reader: every line to a listener event, posted to a no-op listener.
   *
   * @param cpu the CPU-time counters
   * @return whether the replay read the log to its end
   * @throws IOException if the file cannot be read
   */
  @Benchmark
  public boolean sparkReplayListenerBus(CpuTime cpu) throws IOException {
    long t = cpu.start();
    ReplayListenerBus bus = new ReplayListenerBus();
    bus.addListener(new SparkListener() {});
    try (InputStream in = Files.newInputStream(log)) {
      return bus.replay(in, log.toString(), false, ReplayListenerBus.SELECT_ALL_FILTER());
    } finally {
      cpu.stop(t);
    }
  }

  /**
   * Baseline: reading the file's bytes and counting lines, the floor of any reader.
   *
   * @param cpu the CPU-time counters
   * @return the number of lines
   * @throws IOException if the file cannot be read
   */
  @Benchmark
  public long baselineReadBytes(CpuTime cpu) throws IOException {
    long t = cpu.start();
    long lines = 0;
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(log)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
      }
    }
    cpu.stop(t);
    return lines;
  }
}
