package io.github.dgxspark.models.eventlog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** One stage attempt's aggregates: bounded whatever its number of tasks. */
final class StageAccumulator {
  final int id;
  final int attempt;
  String name = "";
  int declaredTasks;
  List<Integer> parentIds = List.of();
  long submittedMillis = -1;
  long completedMillis = -1;
  String failureReason;
  private int tasks;
  private int failedTasks;
  private long firstLaunchMillis = Long.MAX_VALUE;
  private long lastFinishMillis = Long.MIN_VALUE;
  private final QuantileSketch runTime = new QuantileSketch();
  private final QuantileSketch cpuTime = new QuantileSketch();
  private final QuantileSketch gcTime = new QuantileSketch();
  private final QuantileSketch input = new QuantileSketch();
  private final QuantileSketch output = new QuantileSketch();
  private final QuantileSketch shuffleRead = new QuantileSketch();
  private final QuantileSketch shuffleWrite = new QuantileSketch();
  private final QuantileSketch memorySpill = new QuantileSketch();
  private final QuantileSketch diskSpill = new QuantileSketch();
  private final QuantileSketch wallTime = new QuantileSketch();
  private long[] sample = new long[16];
  private final SplittableRandom random;

  StageAccumulator(int id, int attempt) {
    this.id = id;
    this.attempt = attempt;
    this.random = new SplittableRandom(31L * id + attempt);
  }

  void add(TaskEnd t) {
    tasks++;
    if (!t.succeeded()) {
      failedTasks++;
    }
    if (t.launchMillis >= 0) {
      firstLaunchMillis = Math.min(firstLaunchMillis, t.launchMillis);
    }
    if (t.finishMillis > 0) {
      lastFinishMillis = Math.max(lastFinishMillis, t.finishMillis);
    }
    if (!t.hasMetrics) {
      return;
    }
    // reservoir sampling (Vitter's algorithm R) of the run times
    long seen = runTime.count();
    int limit = ApplicationProfile.Stage.RUN_TIME_SAMPLE_LIMIT;
    if (seen == sample.length && seen < limit) {
      sample = Arrays.copyOf(sample, Math.min(limit, sample.length * 2));
    }
    if (seen < limit) {
      sample[(int) seen] = t.runTimeMs;
    } else {
      long j = random.nextLong(seen + 1);
      if (j < limit) {
        sample[(int) j] = t.runTimeMs;
      }
    }
    runTime.add(t.runTimeMs);
    cpuTime.add(t.cpuTimeNs);
    gcTime.add(t.gcTimeMs);
    input.add(t.inputBytes);
    output.add(t.outputBytes);
    shuffleRead.add(t.remoteReadBytes + t.localReadBytes);
    shuffleWrite.add(t.shuffleWriteBytes);
    memorySpill.add(t.memoryBytesSpilled);
    diskSpill.add(t.diskBytesSpilled);
    if (t.launchMillis >= 0 && t.finishMillis >= t.launchMillis) {
      wallTime.add(t.finishMillis - t.launchMillis);
    }
  }

  ApplicationProfile.Stage toStage() {
    Optional<Instant> submitted = instant(submittedMillis);
    Optional<Instant> completed = instant(completedMillis);
    Optional<Duration> duration =
        submittedMillis >= 0 && completedMillis >= submittedMillis
            ? Optional.of(Duration.ofMillis(completedMillis - submittedMillis))
            : Optional.empty();
    long median = runTime.quantile(0.5);
    long maxRun = runTime.max();
    double skew = median > 0 ? (double) maxRun / median : maxRun == 0 ? 1.0 : maxRun;
    int kept = (int) Math.min(runTime.count(), sample.length);
    List<Long> runTimes = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      runTimes.add(sample[i]);
    }
    return new ApplicationProfile.Stage(
        id,
        attempt,
        name,
        declaredTasks,
        parentIds,
        submitted,
        completed,
        duration,
        Optional.ofNullable(failureReason),
        tasks,
        failedTasks,
        firstLaunchMillis == Long.MAX_VALUE ? Optional.empty() : instant(firstLaunchMillis),
        lastFinishMillis == Long.MIN_VALUE ? Optional.empty() : instant(lastFinishMillis),
        runTime.toDistribution(),
        cpuTime.toDistribution(),
        gcTime.toDistribution(),
        input.toDistribution(),
        output.toDistribution(),
        shuffleRead.toDistribution(),
        shuffleWrite.toDistribution(),
        memorySpill.toDistribution(),
        diskSpill.toDistribution(),
        skew,
        runTimes,
        wallTime.toDistribution());
  }

  static Optional<Instant> instant(long millis) {
    return millis >= 0 ? Optional.of(Instant.ofEpochMilli(millis)) : Optional.empty();
  }
}
