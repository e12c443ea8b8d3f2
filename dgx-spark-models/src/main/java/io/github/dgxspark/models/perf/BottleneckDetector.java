package io.github.dgxspark.models.perf;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.ApplicationProfile.Failures;
import io.github.dgxspark.models.eventlog.ApplicationProfile.Stage;
import io.github.dgxspark.models.eventlog.ApplicationProfile.Totals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Finds what holds an application back, from its event log (or, without one, from a config on a
 * cluster). Thresholds are Dr. Elephant's where it has one (GC ratio, task skew, spill, failure
 * rate, out-of-memory errors) and Spark's tuning guide for partition counts; every finding also
 * attributes wall time, as Sparklens does, and estimates the saving.
 *
 * <pre>{@code
 * BottleneckReport r = BottleneckDetector.detect(EventLogs.read(Path.of("app.zstd")));
 * r.bottlenecks().forEach(b -> System.out.println(b.kind().id() + ": " + b.reason()));
 * }</pre>
 */
public final class BottleneckDetector {
  static final String DR_ELEPHANT =
      "Dr. Elephant heuristics (linkedin/dr-elephant, ConfigurationHeuristicsConstants.scala,"
          + " StagesAnalyzer.scala)";
  static final String SPARKLENS =
      "Sparklens time attribution (qubole/sparklens: driver vs executor wall clock, core"
          + " utilisation)";
  static final String SPARK_TUNING =
      "Spark tuning guide, Level of Parallelism: 2–3 tasks per CPU core; tasks as short as 200 ms"
          + " are efficient (spark.apache.org/docs/latest/tuning.html)";
  static final String ATTRIBUTION =
      "this project's time attribution (no published threshold: severity by share of wall time"
          + " 10 / 25 / 50 / 75 %)";

  /** Dr. Elephant's task-skew gate: the longest task is over 150 s. */
  static final long SKEW_MIN_TASK_MILLIS = 150_000;

  /** Spark's tuning guide: tasks as short as 200 ms are efficient. */
  static final long SHORT_TASK_MILLIS = 200;

  /** Spark's tuning guide: 2–3 tasks per core; the upper figure. */
  static final int TASKS_PER_CORE = 3;

  private BottleneckDetector() {}

  /**
   * Detects the bottlenecks of an application from its event log.
   *
   * @param profile the application
   * @return the findings, most severe first
   * @throws ModelsException if the log has no task with a launch and finish time
   */
  public static BottleneckReport detect(ApplicationProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return detect(profile, Optional.empty());
  }

  /**
   * Detects the bottlenecks of an application from its event log, including network saturation
   * against the cluster's interconnect.
   *
   * @param profile the application
   * @param cluster the cluster it ran on
   * @return the findings, most severe first
   * @throws ModelsException if the log has no task with a launch and finish time
   */
  public static BottleneckReport detect(ApplicationProfile profile, ClusterSpec cluster) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(cluster, "cluster");
    return detect(profile, Optional.of(cluster));
  }

  private static BottleneckReport detect(
      ApplicationProfile profile, Optional<ClusterSpec> cluster) {
    Replayer r = Replayer.of(profile);
    double wall = Math.max(1, r.observedMillis);
    List<Bottleneck> found = new ArrayList<>();
    Totals t = profile.totals();
    double busy = wall - r.driverMillis;
    double slots =
        Math.max(
            1,
            r.segments.stream().mapToDouble(s -> s.observedSlots() * s.spanMillis()).sum()
                / Math.max(1, busy));

    // GC: Dr. Elephant executor GC ratio 0.08 / 0.10 / 0.15 / 0.20
    if (t.executorRunTimeMs() > 0) {
      double gc = (double) t.jvmGcTimeMs() / t.executorRunTimeMs();
      BottleneckSeverity sev = BottleneckSeverity.ascending(gc, 0.08, 0.10, 0.15, 0.20);
      if (sev != null) {
        double share = gc * busy / wall;
        found.add(
            new Bottleneck(
                BottleneckKind.GC,
                sev,
                evidence("gcTimeFraction", gc, "jvmGcTimeMs", t.jvmGcTimeMs()),
                OptionalDouble.of(share),
                Optional.of(millis((gc - 0.08) * busy)),
                String.format(
                    Locale.ROOT,
                    "JVM GC took %.0f %% of task run time (%.1f s of %.1f s); about %.0f %% of wall"
                        + " time; bringing it to 8 %% saves about %.1f s",
                    100 * gc,
                    t.jvmGcTimeMs() / 1000.0,
                    t.executorRunTimeMs() / 1000.0,
                    100 * share,
                    (gc - 0.08) * busy / 1000.0),
                DR_ELEPHANT + ": GC ratio 0.08 / 0.10 / 0.15 / 0.20"));
      }
    }

    double inputMillis = 0;
    double shuffleMillis = 0;
    double fewMillis = 0;
    double fewSaving = 0;
    int fewStages = 0;
    double shortSaving = 0;
    double shortMillis = 0;
    int shortStages = 0;
    double spillMillis = 0;
    double spillSaving = 0;
    double worstSpill = 0;
    double failedStageMillis = 0;
    for (Replayer.Segment seg : r.segments) {
      double segSpan = seg.spanMillis();
      double segSlots = seg.observedSlots();
      for (Replayer.StageRun run : seg.stages()) {
        Stage s = run.stage();
        double span = Math.max(0, run.lastFinishMillis() - run.firstLaunchMillis());
        double share = Math.min(span, segSpan);
        // a stage's time goes to its dominant I/O: input read, or shuffle read + write
        long in = s.inputBytes().sum();
        long shuffled = s.shuffleReadBytes().sum() + s.shuffleWriteBytes().sum();
        if (in > 0 && in >= shuffled) {
          inputMillis += share;
        } else if (shuffled > 0 && shuffled > in) {
          shuffleMillis += share;
        }
        if (s.failureReason().isPresent()) {
          failedStageMillis += span;
        }
        long n = s.runTimeMs().count();
        double work = 0;
        for (double d : run.durations()) {
          work += d;
        }
        // task skew, Dr. Elephant: max/median 2/4/8/16, longest > 150 s and > 0.75 × stage
        BottleneckSeverity skew =
            s.runTimeMs().max() > SKEW_MIN_TASK_MILLIS && s.runTimeMs().max() > 0.75 * span
                ? BottleneckSeverity.ascending(s.skewRatio(), 2, 4, 8, 16)
                : null;
        if (skew != null) {
          double even = Math.max(s.runTimeMs().p95(), work / Math.max(1, segSlots));
          double saving = Math.max(0, s.runTimeMs().max() - even);
          found.add(
              new Bottleneck(
                  BottleneckKind.TASK_SKEW,
                  skew,
                  evidence(
                      "stageId",
                      s.id(),
                      "skewRatio",
                      s.skewRatio(),
                      "maxTaskMs",
                      s.runTimeMs().max(),
                      "medianTaskMs",
                      s.runTimeMs().median()),
                  OptionalDouble.of(span / wall),
                  Optional.of(millis(saving)),
                  String.format(
                      Locale.ROOT,
                      "stage %d: the longest task ran %.1f s, %.1f× the median %.1f s, and set the"
                          + " stage's end; split evenly it would end about %.1f s sooner",
                      s.id(),
                      s.runTimeMs().max() / 1000.0,
                      s.skewRatio(),
                      s.runTimeMs().median() / 1000.0,
                      saving / 1000.0),
                  DR_ELEPHANT
                      + ": task skew max/median 2 / 4 / 8 / 16, gated on 150 s and 0.75"
                      + " of the stage"));
        }
        // spill, Dr. Elephant: spilled / max(input, output, shuffle r/w) 0.01/0.1/0.25/0.5
        long processed =
            Math.max(
                Math.max(s.inputBytes().sum(), s.outputBytes().sum()),
                Math.max(s.shuffleReadBytes().sum(), s.shuffleWriteBytes().sum()));
        if (s.memoryBytesSpilled().sum() > 0 && processed > 0 && processed <= 3L << 40) {
          double ratio = (double) s.memoryBytesSpilled().sum() / processed;
          if (ratio >= 0.01) {
            worstSpill = Math.max(worstSpill, ratio);
            spillMillis += share;
            spillSaving += share * Math.min(1, ratio) / (1 + Math.min(1, ratio));
          }
        }
        // too few partitions: fewer tasks than slots
        if (n > 0 && n < segSlots && span > 0) {
          double lost = Math.max(0, span - work / segSlots);
          if (lost > 0) {
            fewStages++;
            fewMillis += share;
            fewSaving += Math.min(share, lost);
          }
        }
        // too many partitions: median task under 200 ms and more than 3 tasks per slot
        if (s.runTimeMs().median() < SHORT_TASK_MILLIS && n > TASKS_PER_CORE * segSlots) {
          double overhead = Replayer.overheadMillis(s);
          double extra = (n - TASKS_PER_CORE * segSlots) * overhead / segSlots;
          shortStages++;
          shortMillis += share;
          shortSaving += Math.min(share, extra);
        }
      }
    }
    if (worstSpill > 0) {
      BottleneckSeverity sev = BottleneckSeverity.ascending(worstSpill, 0.01, 0.1, 0.25, 0.5);
      found.add(
          new Bottleneck(
              BottleneckKind.SPILL,
              sev,
              evidence(
                  "worstStageSpillFraction",
                  worstSpill,
                  "memoryBytesSpilled",
                  t.memoryBytesSpilled(),
                  "diskBytesSpilled",
                  t.diskBytesSpilled()),
              OptionalDouble.of(Math.min(1, spillMillis / wall)),
              Optional.of(millis(spillSaving)),
              String.format(
                  Locale.ROOT,
                  "stages that spilled (up to %.0f %% of the bytes they processed) ran %.1f s, %.0f"
                      + " %% of wall time; assuming time grows with the bytes handled and a"
                      + " spilled byte is handled again, avoiding spill saves about %.1f s",
                  100 * worstSpill,
                  spillMillis / 1000.0,
                  100 * spillMillis / wall,
                  spillSaving / 1000.0),
              DR_ELEPHANT + ": execution-memory spill 0.01 / 0.1 / 0.25 / 0.5"));
    }
    attributed(
        found,
        BottleneckKind.SHUFFLE_BOUND,
        shuffleMillis / wall,
        evidence(
            "shuffleStageTimeMs",
            shuffleMillis,
            "shuffleReadBytes",
            t.shuffleReadBytes(),
            "shuffleWriteBytes",
            t.shuffleWriteBytes()),
        Optional.empty(),
        String.format(
            Locale.ROOT,
            "stages whose I/O is mostly shuffle ran %.1f s, %.0f %% of wall time (%s read,"
                + " %s written)",
            shuffleMillis / 1000.0,
            100 * shuffleMillis / wall,
            bytes(t.shuffleReadBytes()),
            bytes(t.shuffleWriteBytes())));
    attributed(
        found,
        BottleneckKind.INPUT_BOUND,
        inputMillis / wall,
        evidence("inputStageTimeMs", inputMillis, "inputBytes", t.inputBytes()),
        Optional.empty(),
        String.format(
            Locale.ROOT,
            "stages whose I/O is mostly input ran %.1f s, %.0f %% of wall time (%s read)",
            inputMillis / 1000.0,
            100 * inputMillis / wall,
            bytes(t.inputBytes())));
    attributed(
        found,
        BottleneckKind.DRIVER_BOUND,
        r.driverMillis / wall,
        evidence("driverTimeMs", r.driverMillis, "wallTimeMs", wall),
        Optional.of(millis(r.driverMillis)),
        String.format(
            Locale.ROOT,
            "no task ran for %.1f s of %.1f s (%.0f %%): driver work, planning, scheduling gaps or"
                + " waiting for executors; more executors do not shorten it (saving shown is the"
                + " upper bound if it all moved off the driver)",
            r.driverMillis / 1000.0,
            wall / 1000.0,
            100 * r.driverMillis / wall));
    if (fewStages > 0) {
      attributed(
          found,
          BottleneckKind.TOO_FEW_PARTITIONS,
          fewSaving / wall,
          evidence("stages", fewStages, "stageTimeMs", fewMillis, "taskSlots", slots),
          Optional.of(millis(fewSaving)),
          String.format(
              Locale.ROOT,
              "%d stages had fewer tasks than the %.0f task slots and ran %.1f s; spread over all"
                  + " slots they would finish about %.1f s sooner",
              fewStages,
              slots,
              fewMillis / 1000.0,
              fewSaving / 1000.0));
    }
    if (shortStages > 0) {
      attributed(
          found,
          BottleneckKind.TOO_MANY_PARTITIONS,
          shortSaving / wall,
          evidence("stages", shortStages, "stageTimeMs", shortMillis, "taskSlots", slots),
          Optional.of(millis(shortSaving)),
          String.format(
              Locale.ROOT,
              "%d stages had a median task under %d ms and more than %d tasks per slot; their"
                  + " per-task overhead (scheduling, deserialisation) beyond %d tasks per slot"
                  + " costs about %.1f s",
              shortStages,
              SHORT_TASK_MILLIS,
              TASKS_PER_CORE,
              TASKS_PER_CORE,
              shortSaving / 1000.0));
    }
    // idle executors: slot time alive with no task (Sparklens core utilisation)
    double used = 0;
    for (Stage s : profile.stages()) {
      used += s.wallTimeMs().sum();
    }
    long appStart =
        profile.startTime().map(Replayer::millis).orElse(r.segments.get(0).startMillis());
    double available =
        Replayer.observedSlots(profile, r.layout, appStart, appStart + (long) wall) * wall;
    if (available > 0) {
      double idle = Math.max(0, 1 - used / available);
      BottleneckSeverity sev = BottleneckSeverity.ascending(idle, 0.25, 0.5, 0.75, 0.9);
      if (sev != null) {
        found.add(
            new Bottleneck(
                BottleneckKind.IDLE_EXECUTORS,
                sev,
                evidence(
                    "idleSlotFraction", idle, "usedSlotMs", used, "availableSlotMs", available),
                OptionalDouble.empty(),
                Optional.of(Duration.ZERO),
                String.format(
                    Locale.ROOT,
                    "executor slots ran no task %.0f %% of the time they were alive: fewer or"
                        + " dynamically allocated executors would do the same work on less"
                        + " hardware (no wall time saved)",
                    100 * idle),
                SPARKLENS + "; thresholds 25 / 50 / 75 / 90 % idle are this project's"));
      }
    }
    failures(found, profile, wall, failedStageMillis, slots);
    if (cluster.isPresent()) {
      network(found, t, cluster.get(), shuffleMillis);
    }
    found.sort(
        Comparator.comparing(Bottleneck::severity)
            .thenComparing(b -> -b.estimatedSaving().map(Duration::toMillis).orElse(0L)));
    return new BottleneckReport(
        profile.applicationId(),
        Optional.of(Duration.ofMillis((long) wall)),
        found,
        String.format(
            Locale.ROOT,
            "event log: %d tasks in %d stage attempts over %.1f s",
            r.tasks,
            profile.stages().size(),
            wall / 1000.0));
  }

  private static void failures(
      List<Bottleneck> found,
      ApplicationProfile profile,
      double wall,
      double failedStageMillis,
      double slots) {
    Failures f = profile.failures();
    Totals t = profile.totals();
    if (t.tasks() == 0) {
      return;
    }
    double meanTask = t.tasks() > 0 ? (double) t.executorRunTimeMs() / t.tasks() : 0;
    double rate = (double) f.failedTasks() / t.tasks();
    double lost = failedStageMillis + f.failedTasks() * meanTask / slots;
    if (f.failedTasks() > 0) {
      BottleneckSeverity sev =
          f.failedStages() > 0
              ? BottleneckSeverity.CRITICAL
              : Optional.ofNullable(BottleneckSeverity.ascending(rate, 0.05, 0.10, 0.15, 0.20))
                  .orElse(BottleneckSeverity.LOW);
      found.add(
          new Bottleneck(
              BottleneckKind.TASK_FAILURES,
              sev,
              evidence(
                  "failedTasks",
                  f.failedTasks(),
                  "taskFailureFraction",
                  rate,
                  "failedStages",
                  f.failedStages()),
              OptionalDouble.of(Math.min(1, lost / wall)),
              Optional.of(millis(Math.min(wall, lost))),
              String.format(
                  Locale.ROOT,
                  "%d of %d tasks failed (%.1f %%) and %d stage attempts failed; redoing them cost"
                      + " about %.1f s (failed stage attempts' spans plus failed tasks at the mean"
                      + " task time over %.0f slots). Reasons: %s",
                  f.failedTasks(),
                  t.tasks(),
                  100 * rate,
                  f.failedStages(),
                  lost / 1000.0,
                  slots,
                  f.taskFailureReasons()),
              DR_ELEPHANT
                  + ": task failure rate 0.05 / 0.10 / 0.15 / 0.20, a failed stage is"
                  + " critical"));
    }
    if (f.gpuOutOfMemoryTasks() > 0) {
      double share = (double) f.gpuOutOfMemoryTasks() / t.tasks();
      BottleneckSeverity sev =
          f.failedStages() > 0
              ? BottleneckSeverity.CRITICAL
              : share < 0.02 ? BottleneckSeverity.MODERATE : BottleneckSeverity.SEVERE;
      double cost = f.gpuOutOfMemoryTasks() * meanTask / slots;
      found.add(
          new Bottleneck(
              BottleneckKind.GPU_OUT_OF_MEMORY,
              sev,
              evidence("gpuOutOfMemoryTasks", f.gpuOutOfMemoryTasks(), "taskFraction", share),
              OptionalDouble.of(Math.min(1, cost / wall)),
              Optional.of(millis(Math.min(wall, cost))),
              String.format(
                  Locale.ROOT,
                  "%d tasks failed with GPU out-of-memory (%.1f %% of tasks), e.g. %s; fewer"
                      + " concurrent GPU tasks or smaller batches/partitions avoid the retries",
                  f.gpuOutOfMemoryTasks(),
                  100 * share,
                  f.examples().stream()
                      .filter(e -> e.contains("OOM") || e.contains("OutOfMemory"))
                      .findFirst()
                      .orElse("(no message kept)")),
              DR_ELEPHANT
                  + ": out-of-memory tasks, under 2 % moderate, more severe, a failed"
                  + " stage critical"));
    }
    if (!f.executorsLost().isEmpty() || f.executorLostTasks() > 0) {
      double cost = f.executorLostTasks() * meanTask / slots;
      found.add(
          new Bottleneck(
              BottleneckKind.EXECUTOR_LOSS,
              f.failedStages() > 0 ? BottleneckSeverity.CRITICAL : BottleneckSeverity.SEVERE,
              evidence(
                  "executorsLost",
                  f.executorsLost().size(),
                  "executorLostTasks",
                  f.executorLostTasks()),
              OptionalDouble.of(Math.min(1, cost / wall)),
              Optional.of(millis(Math.min(wall, cost))),
              String.format(
                  Locale.ROOT,
                  "%d executors were lost (%s) and %d running tasks with them; their work was"
                      + " redone",
                  f.executorsLost().size(),
                  f.executorsLost().stream()
                      .map(ApplicationProfile.ExecutorLoss::reason)
                      .distinct()
                      .limit(2)
                      .toList(),
                  f.executorLostTasks()),
              DR_ELEPHANT + ": failed tasks and stages (a failed stage is critical)"));
    }
    if (f.fetchFailures() > 0) {
      found.add(
          new Bottleneck(
              BottleneckKind.FETCH_FAILURES,
              f.failedStages() > 0 ? BottleneckSeverity.CRITICAL : BottleneckSeverity.SEVERE,
              evidence("fetchFailures", f.fetchFailures(), "failedStages", f.failedStages()),
              OptionalDouble.of(Math.min(1, failedStageMillis / wall)),
              Optional.of(millis(Math.min(wall, failedStageMillis))),
              String.format(
                  Locale.ROOT,
                  "%d shuffle fetches failed, so %d stage attempts failed and map output was"
                      + " recomputed (%.1f s in failed stage attempts); usually a lost executor or"
                      + " shuffle service",
                  f.fetchFailures(),
                  f.failedStages(),
                  failedStageMillis / 1000.0),
              DR_ELEPHANT + ": failed stages are critical"));
    }
  }

  private static void network(
      List<Bottleneck> found, Totals t, ClusterSpec cluster, double shuffleMillis) {
    if (cluster.nodeCount() < 2
        || cluster.interconnectBytesPerSecond() == 0
        || shuffleMillis <= 0) {
      return;
    }
    int nodes = cluster.nodeCount();
    double remote = (double) t.shuffleReadBytes() * (nodes - 1) / nodes;
    double perNode = remote / nodes / (shuffleMillis / 1000.0);
    double use = perNode / cluster.interconnectBytesPerSecond();
    BottleneckSeverity sev = BottleneckSeverity.ascending(use, 0.5, 0.7, 0.85, 0.95);
    if (sev == null) {
      return;
    }
    found.add(
        new Bottleneck(
            BottleneckKind.NETWORK_SATURATION,
            sev,
            evidence(
                "networkUtilisationFraction",
                use,
                "shuffleBytesPerSecondPerNode",
                perNode,
                "interconnectBytesPerSecond",
                cluster.interconnectBytesPerSecond()),
            OptionalDouble.empty(),
            Optional.empty(),
            String.format(
                Locale.ROOT,
                "shuffle moved about %s per node per second across %d nodes during shuffle"
                    + " stages, %.0f %% of the %s/s interconnect (remote share (n−1)/n of the"
                    + " shuffle read assumed)",
                bytes((long) perNode),
                nodes,
                100 * use,
                bytes(cluster.interconnectBytesPerSecond())),
            "this project's estimate; thresholds 50 / 70 / 85 / 95 % of link bandwidth"));
  }

  /**
   * Detects likely bottlenecks of a config on a cluster without an event log: too few shuffle
   * partitions for the cores, and executors that leave cores unused.
   *
   * @param config the Spark config
   * @param cluster the cluster
   * @return the findings; no share of wall time or saving can be attributed without a log
   * @throws ModelsException if an executor count, core count or partition count is not a whole
   *     number of 1 or more
   */
  public static BottleneckReport detect(SparkConfig config, ClusterSpec cluster) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(cluster, "cluster");
    List<Bottleneck> found = new ArrayList<>();
    boolean local =
        config.get("spark.master").flatMap(SparkSemantics::clusterManager).orElse(null)
            == ClusterManager.LOCAL;
    int clusterCores = cluster.node().logicalCores() * (local ? 1 : cluster.nodeCount());
    int executors =
        local
            ? 1
            : Replayer.positiveSetting(config, "spark.executor.instances", cluster.nodeCount());
    int cores =
        Replayer.positiveSetting(config, "spark.executor.cores", cluster.node().logicalCores());
    int taskCpus =
        Replayer.positiveSetting(
            config, "spark.task.cpus", Replayer.sparkDefault("spark.task.cpus"));
    int slots = Math.max(1, executors * cores / taskCpus);
    int partitions =
        Replayer.positiveSetting(
            config,
            "spark.sql.shuffle.partitions",
            Replayer.sparkDefault("spark.sql.shuffle.partitions"));
    if (partitions < 2 * slots) {
      found.add(
          new Bottleneck(
              BottleneckKind.TOO_FEW_PARTITIONS,
              partitions < slots ? BottleneckSeverity.SEVERE : BottleneckSeverity.MODERATE,
              evidence("shufflePartitions", partitions, "taskSlots", slots),
              OptionalDouble.empty(),
              Optional.empty(),
              String.format(
                  Locale.ROOT,
                  "spark.sql.shuffle.partitions=%d for %d task slots: under the 2–3 tasks per"
                      + " core the tuning guide recommends, %s",
                  partitions,
                  slots,
                  partitions < slots
                      ? "so some slots get no shuffle task at all"
                      : "so the" + " last wave leaves slots idle"),
              SPARK_TUNING));
    }
    int used = executors * cores;
    if (used < clusterCores / 2) {
      double idle = 1 - (double) used / clusterCores;
      found.add(
          new Bottleneck(
              BottleneckKind.IDLE_EXECUTORS,
              BottleneckSeverity.ascending(idle, 0.25, 0.5, 0.75, 0.9),
              evidence("usedCores", used, "clusterCores", clusterCores),
              OptionalDouble.empty(),
              Optional.empty(),
              String.format(
                  Locale.ROOT,
                  "%d executors × %d cores use %d of the cluster's %d cores (%.0f %% idle)",
                  executors,
                  cores,
                  used,
                  clusterCores,
                  100 * idle),
              "this project's check against the cluster's cores; thresholds 25 / 50 / 75 / 90 %"
                  + " idle"));
    }
    found.sort(Comparator.comparing(Bottleneck::severity));
    return new BottleneckReport(
        Optional.empty(),
        Optional.empty(),
        found,
        "config and cluster only (no event log): partition and core checks, no time attribution");
  }

  private static void attributed(
      List<Bottleneck> found,
      BottleneckKind kind,
      double share,
      Map<String, Double> evidence,
      Optional<Duration> saving,
      String reason) {
    BottleneckSeverity sev = BottleneckSeverity.ascending(share, 0.10, 0.25, 0.50, 0.75);
    if (sev == null) {
      return;
    }
    String source =
        switch (kind) {
          case DRIVER_BOUND -> SPARKLENS + "; " + ATTRIBUTION;
          case TOO_FEW_PARTITIONS, TOO_MANY_PARTITIONS -> SPARK_TUNING + "; " + ATTRIBUTION;
          default -> ATTRIBUTION;
        };
    found.add(
        new Bottleneck(
            kind, sev, evidence, OptionalDouble.of(Math.min(1, share)), saving, reason, source));
  }

  private static Map<String, Double> evidence(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return m;
  }

  private static Duration millis(double ms) {
    return Duration.ofMillis(Math.max(0, Math.round(ms)));
  }

  private static String bytes(long b) {
    return ByteSizes.human(b);
  }
}
