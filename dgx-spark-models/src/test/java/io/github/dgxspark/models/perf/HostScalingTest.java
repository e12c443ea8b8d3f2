package io.github.dgxspark.models.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scaling between executor counts on one 2-core host, checked against measured runs. The logs are
 * the benchmarks harness's scaling check on Spark 4.1.3 (scale 0.25, {@code
 * local-cluster[1,1,1024]} and {@code [2,1,1024]}, one run of each; {@code data/README.md}): the
 * ETL pair is the one the host model's two constants were fitted on, the MLlib pair was held out.
 * On this host a second executor brings no cores, only a second JVM, and both jobs were slower with
 * 2 executors than with 1; the plain replay, which gives each executor its own cores, predicted the
 * opposite.
 */
class HostScalingTest {
  private static final Path DIR =
      Path.of(System.getProperty("dgxspark.data.dir", "../data"))
          .resolve("eventlogs/harness-spark-4.1.3/scaling-s0p25");

  /** The logical cores of the machine that wrote the logs (the harness log's "machine:" line). */
  private static final OptionalInt HOST_CORES = OptionalInt.of(2);

  private static ApplicationProfile log(String workload, int executors) throws IOException {
    return log(workload, executors, 1);
  }

  private static ApplicationProfile log(String workload, int executors, int cores)
      throws IOException {
    try (Stream<Path> s = Files.list(DIR.resolve(workload + "-" + executors + "x" + cores))) {
      return EventLogs.read(s.findFirst().orElseThrow());
    }
  }

  private static double error(ApplicationProfile from, ApplicationProfile to, OptionalInt cores) {
    ReplaySpec target =
        PerformanceModels.observedLayout(from)
            .withExecutors(PerformanceModels.observedLayout(to).executors());
    long predicted =
        PerformanceModels.predictScaling(from, target, PerformanceHistory.builtIn(), cores)
            .result()
            .predictedDurationMs();
    long measured = to.duration().orElseThrow().toMillis();
    return (double) (predicted - measured) / measured;
  }

  @Test
  void oneAndTwoExecutorsOnTwoCores_bothWaysWithin10PercentOfTheMeasuredRun() throws IOException {
    List<String> report = new ArrayList<>();
    double worst = 0;
    double plainBest = Double.MAX_VALUE;
    for (String workload : List.of("etl", "ml-training")) {
      ApplicationProfile one = log(workload, 1);
      ApplicationProfile two = log(workload, 2);
      assertTrue(
          two.duration().orElseThrow().compareTo(one.duration().orElseThrow()) > 0,
          workload + ": the second executor made the job slower on 2 cores");
      for (ApplicationProfile[] pair : new ApplicationProfile[][] {{one, two}, {two, one}}) {
        double e = error(pair[0], pair[1], HOST_CORES);
        double plain = error(pair[0], pair[1], OptionalInt.empty());
        report.add(
            String.format(
                java.util.Locale.ROOT,
                "%s %+.1f %% (plain %+.1f %%)",
                workload,
                100 * e,
                100 * plain));
        worst = Math.max(worst, Math.abs(e));
        plainBest = Math.min(plainBest, Math.abs(plain));
      }
    }
    // measured on these four: -6.6, +7.3 (ETL, fitted), -0.6, -3.2 % (MLlib, held out)
    assertTrue(worst <= 0.10, "host model errors " + report);
    // the plain replay errs -33, +83, -29, +74 %: without the host the move is mispredicted
    assertTrue(plainBest >= 0.25, "plain replay errors " + report);
  }

  @Test
  void reason_statesTheHostAndTheFiguresMeasuredFromTheLog() throws IOException {
    ApplicationProfile one = log("etl", 1);
    ScalingReport r =
        PerformanceModels.predictScaling(
            one,
            PerformanceModels.observedLayout(one).withExecutors(2),
            PerformanceHistory.builtIn(),
            HOST_CORES);
    String reason = r.replay().orElseThrow().reason();
    assertTrue(reason.contains("share host 127.0.0.1 with 2 cores"), reason);
    // the log's only executor was added 5.85 s after the application started
    assertTrue(reason.contains("added 5.9 s after the application started"), reason);
    // its 3 two-task stages: the second task took 0.39, 0.28 and 0.26 of the first's time (run
    // time plus the stage's mean launch-to-finish overhead: 387/1006, 461/1646, 254/973 ms)
    assertTrue(reason.contains("median over the 3 stage(s)"), reason);
    // 0.28: the median of those three ratios, from the raw JSON of the log
    assertTrue(reason.contains("later tasks took 0.28 of its time"), reason);
    // the report's own reason says it too
    assertTrue(r.reason().contains("share host 127.0.0.1 with 2 cores"), r.reason());
    assertTrue(
        reason.contains(
            "on 2 task slots instead of 1 a task of a stage that fills them takes ×2.00 as long"),
        reason);
  }

  @Test
  void sameLayoutOnTheHost_isThePlainReplay() throws IOException {
    ApplicationProfile two = log("ml-training", 2);
    ReplaySpec same = PerformanceModels.observedLayout(two);
    long host =
        PerformanceModels.predictScaling(two, same, PerformanceHistory.builtIn(), HOST_CORES)
            .result()
            .predictedDurationMs();
    long plain = PerformanceModels.replay(two, same).predicted().toMillis();
    // the first wave is reordered longest-first, so a stage may schedule slightly differently
    assertEquals(plain, host, 0.01 * plain);
  }

  @Test
  void hostCoresBelowOne_isRejectedWithOneLine() throws IOException {
    ApplicationProfile one = log("etl", 1);
    ModelsException e =
        assertThrows(
            ModelsException.class,
            () ->
                PerformanceModels.predictScaling(
                    one,
                    PerformanceModels.observedLayout(one),
                    PerformanceHistory.builtIn(),
                    OptionalInt.of(0)));
    assertEquals("host cores is 0; expected the host's logical cores, 1 or more", e.getMessage());
  }

  /** Stage attempts of the log with {@code tasks} tasks. */
  private static long stagesOf(ApplicationProfile p, long tasks) {
    return p.stages().stream().filter(st -> st.runTimeMs().count() == tasks).count();
  }

  @Test
  void twoCoreExecutors_oneAndTwo_theDefaultParallelismStagesAreReSplit() throws IOException {
    ApplicationProfile one = log("etl", 1, 2);
    ApplicationProfile two = log("etl", 2, 2);
    // Spark's default parallelism is max(total cores, 2): 2 on [1,2], 4 on [2,2]; the logs agree:
    // every 2-task stage of the one-executor run has 4 tasks with two executors
    long resized = stagesOf(one, 2);
    assertTrue(resized >= 3, "2-task stages " + resized);
    assertEquals(resized, stagesOf(two, 4));
    assertEquals(0, stagesOf(two, 2));
    // measured on this pair: -16.8 % and +23.4 % (on the median of both runs of each layout the
    // re-split took 1x2 -> 2x2 from -21.2 % to -10.1 %; README, replay section)
    double up = error(one, two, HOST_CORES);
    double down = error(two, one, HOST_CORES);
    assertTrue(Math.abs(up) <= 0.20, "1x2 -> 2x2 error " + up);
    assertTrue(Math.abs(down) <= 0.25, "2x2 -> 1x2 error " + down);
    ReplayResult r =
        PerformanceModels.predictScaling(
                one,
                PerformanceModels.observedLayout(one).withExecutors(2),
                PerformanceHistory.builtIn(),
                HOST_CORES)
            .replay()
            .orElseThrow();
    assertTrue(
        r.reason().contains("goes from 2 to 4: the " + resized + " stage attempt(s) of 2 tasks"),
        r.reason());
  }

  @Test
  void sameLayout_keepsEveryStagesTaskCount() throws IOException {
    ApplicationProfile two = log("etl", 2, 2);
    ReplayResult r =
        PerformanceModels.predictScaling(
                two,
                PerformanceModels.observedLayout(two),
                PerformanceHistory.builtIn(),
                HOST_CORES)
            .replay()
            .orElseThrow();
    assertTrue(!r.reason().contains("spark.default.parallelism"), r.reason());
    assertEquals(
        r.observed().toMillis(), r.predicted().toMillis(), 0.023 * r.observed().toMillis());
  }
}
