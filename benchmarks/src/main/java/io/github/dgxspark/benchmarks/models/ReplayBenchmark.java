package io.github.dgxspark.benchmarks.models;

import io.github.dgxspark.benchmarks.BenchmarkDefaults;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.perf.PerformanceModels;
import io.github.dgxspark.models.perf.ReplayResult;
import io.github.dgxspark.models.perf.ReplaySpec;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one replay simulation: re-scheduling a real event log's recorded tasks, stage by stage,
 * on twice its observed executors. The log is read once in setup; the baseline replays on the
 * observed layout, so the ratio says what a different target costs beyond the reproduction every
 * replay also computes.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ReplayBenchmark} from the project root
 * (fixtures are read from {@code -Ddgxspark.fixtures.dir}, default {@code fixtures}, the
 * repository's test-data folder).
 */
@State(Scope.Benchmark)
public class ReplayBenchmark extends BenchmarkDefaults {
  @Param({
    "tasks_executors_fail_compressed_eventlog.zstd",
    "eventlog_4nodes_8cores_dynamic_alloc.zstd"
  })
  public String fixture;

  private ApplicationProfile profile;
  private ReplaySpec observed;
  private ReplaySpec doubled;

  /** Reads the fixture log and derives the observed and doubled layouts. */
  @Setup
  public void setUp() {
    Path dir = Path.of(System.getProperty("dgxspark.fixtures.dir", "fixtures"), "eventlogs");
    profile = EventLogs.read(dir.resolve(fixture));
    observed = PerformanceModels.observedLayout(profile);
    doubled =
        new ReplaySpec(
            observed.executors() * 2,
            observed.executorCores(),
            observed.gpusPerExecutor(),
            observed.concurrentGpuTasks());
  }

  /**
   * Replay on twice the observed executors.
   *
   * @return the result, so JMH keeps the work
   */
  @Benchmark
  public ReplayResult replayDoubled() {
    return PerformanceModels.replay(profile, doubled);
  }

  /**
   * Baseline: replay on the observed layout.
   *
   * @return the result
   */
  @Benchmark
  public ReplayResult baselineReplayObserved() {
    return PerformanceModels.replay(profile, observed);
  }
}
