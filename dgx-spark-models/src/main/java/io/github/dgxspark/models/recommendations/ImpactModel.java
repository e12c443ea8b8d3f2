package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.perf.Bottleneck;
import io.github.dgxspark.models.perf.BottleneckDetector;
import io.github.dgxspark.models.perf.BottleneckKind;
import io.github.dgxspark.models.perf.BottleneckReport;
import io.github.dgxspark.models.perf.Interval;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceModels;
import io.github.dgxspark.models.perf.PerformancePrediction;
import io.github.dgxspark.models.perf.ReplayResult;
import io.github.dgxspark.models.perf.ReplaySpec;
import io.github.dgxspark.models.perf.ScalingReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Predicts the impact of changes from the performance models of {@code models.perf}. On a logged
 * application: the replay simulator for changes of the executor layout (executors, cores, GPUs,
 * concurrent GPU tasks), with the Ernest model of the history as a cross-check, plus the estimated
 * savings of the bottlenecks {@link BottleneckDetector} found that the changed keys act on, bounded
 * by the share of wall time in the stages the keys act on. Without a log: the Ernest model fitted
 * on the performance history for layout changes. "Unknown" when no model covers the keys.
 */
final class ImpactModel {
  /**
   * Coverage stated for a bottleneck-only interval, which runs from no gain to the whole measured
   * share of wall time (a bound rather than a sampled interval).
   */
  static final double BOUND_LEVEL = 0.9;

  /** The packaged history, in words. */
  static final String BUILT_IN = "the performance history";

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  /** Keys that change the executor layout the replay simulator re-schedules on. */
  static final Set<String> LAYOUT_KEYS =
      Set.of(
          "spark.executor.instances",
          "spark.executor.cores",
          "spark.executor.resource.gpu.amount",
          "spark.rapids.sql.concurrentGpuTasks",
          "spark.dynamicAllocation.maxExecutors");

  private static final Set<BottleneckKind> FAILURE_KINDS =
      EnumSet.of(
          BottleneckKind.TASK_FAILURES,
          BottleneckKind.GPU_OUT_OF_MEMORY,
          BottleneckKind.EXECUTOR_LOSS,
          BottleneckKind.FETCH_FAILURES);

  private final Optional<ApplicationProfile> profile;
  private final Optional<Filters> filters;
  private final Optional<BottleneckReport> bottlenecks;
  private final PerformanceHistory history;
  private final String historyName;
  private final Optional<SparkConfig> config;
  private final Optional<ClusterSpec> cluster;
  private final Optional<WorkloadSpec> workload;
  private final Map<ReplaySpec, ScalingReport> scaling = new HashMap<>();

  private ImpactModel(
      Optional<ApplicationProfile> profile,
      Optional<BottleneckReport> bottlenecks,
      PerformanceHistory history,
      String historyName,
      Optional<SparkConfig> config,
      Optional<ClusterSpec> cluster,
      Optional<WorkloadSpec> workload) {
    this.profile = profile;
    this.filters =
        profile.map(p -> Filters.of(p, ProfileInputs.tuningProperties(p.sparkProperties())));
    this.bottlenecks = bottlenecks;
    this.history = history;
    this.historyName = historyName;
    this.config = config;
    this.cluster = cluster;
    this.workload = workload;
  }

  /**
   * The model of a logged application.
   *
   * @param history the measured runs Ernest is fitted on
   * @param historyName what they are, in words, e.g. {@code the performance history}
   */
  static ImpactModel forProfile(
      ApplicationProfile profile,
      BottleneckReport report,
      PerformanceHistory history,
      String historyName) {
    return new ImpactModel(
        Optional.of(profile),
        Optional.of(report),
        history,
        historyName,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static ImpactModel forProfile(ApplicationProfile profile) {
    return forProfile(
        profile, BottleneckDetector.detect(profile), PerformanceHistory.builtIn(), BUILT_IN);
  }

  /**
   * The model of a config on known hardware.
   *
   * @param history the measured runs Ernest is fitted on
   * @param historyName what they are, in words
   */
  static ImpactModel forConfig(
      SparkConfig config,
      ClusterSpec cluster,
      WorkloadSpec workload,
      PerformanceHistory history,
      String historyName) {
    return new ImpactModel(
        Optional.empty(),
        Optional.empty(),
        history,
        historyName,
        Optional.of(config),
        Optional.of(cluster),
        Optional.of(workload));
  }

  /** The partitioning keys whose direction (smaller or larger) decides what they fix. */
  private static final Set<String> PARTITIONING_KEYS =
      Set.of(
          "spark.sql.files.maxPartitionBytes",
          "spark.sql.shuffle.partitions",
          "spark.sql.adaptive.advisoryPartitionSizeInBytes");

  /**
   * Which way a partitioning change goes: -1 fewer/smaller, +1 more/larger, 0 the same as now (or
   * as Spark's default when unset, so no effect), empty when a value does not parse. An unset key
   * is compared with Spark's default ({@link SparkSemantics#defaultValue}, newest release: a change
   * reaches this model with its effective current value whenever the application's version is
   * known).
   */
  static Optional<Integer> direction(Change c) {
    try {
      Optional<String> now =
          c.current().or(() -> SparkSemantics.defaultValue(c.key(), SparkVersion.NEWEST));
      if (now.isEmpty()) {
        return Optional.empty();
      }
      long proposed = ByteSizes.parseBytes(c.proposed());
      return Optional.of(Long.compare(proposed, ByteSizes.parseBytes(now.get())));
    } catch (DgxSparkException e) {
      return Optional.empty();
    }
  }

  /** What a change acts on: the bottlenecks it can remove. */
  static Set<BottleneckKind> addressed(Change c) {
    Set<BottleneckKind> s = EnumSet.noneOf(BottleneckKind.class);
    String key = c.key();
    int dir = PARTITIONING_KEYS.contains(key) ? direction(c).orElse(0) : 0;
    switch (key) {
      case "spark.sql.files.maxPartitionBytes" -> {
        if (dir < 0) {
          s.addAll(FAILURE_KINDS);
          s.add(BottleneckKind.SPILL);
          s.add(BottleneckKind.TOO_FEW_PARTITIONS);
        } else if (dir > 0) {
          s.add(BottleneckKind.TOO_MANY_PARTITIONS);
        }
      }
      case "spark.sql.shuffle.partitions" -> {
        if (dir > 0) {
          s.add(BottleneckKind.SPILL);
          s.add(BottleneckKind.TOO_FEW_PARTITIONS);
        } else if (dir < 0) {
          s.add(BottleneckKind.TOO_MANY_PARTITIONS);
        }
      }
      case "spark.sql.adaptive.advisoryPartitionSizeInBytes" -> {
        // AQE merges shuffle partitions up to this size: smaller caps each task's working set
        if (dir < 0) {
          s.add(BottleneckKind.SPILL);
          s.add(BottleneckKind.TOO_FEW_PARTITIONS);
        } else if (dir > 0) {
          s.add(BottleneckKind.TOO_MANY_PARTITIONS);
        }
      }
      case "spark.rapids.sql.concurrentGpuTasks",
          "spark.rapids.memory.gpu.allocFraction",
          "spark.rapids.memory.gpu.maxAllocFraction" -> {
        s.add(BottleneckKind.GPU_OUT_OF_MEMORY);
        s.add(BottleneckKind.TASK_FAILURES);
      }
      case "spark.executor.memoryOverhead" -> {
        s.add(BottleneckKind.EXECUTOR_LOSS);
        s.add(BottleneckKind.TASK_FAILURES);
      }
      case "spark.shuffle.service.enabled", "spark.network.timeout" -> {
        s.add(BottleneckKind.EXECUTOR_LOSS);
        s.add(BottleneckKind.FETCH_FAILURES);
      }
      case "spark.executor.extraJavaOptions", "spark.driver.extraJavaOptions" ->
          s.add(BottleneckKind.GC);
      case "spark.executor.memory", "spark.memory.fraction" -> {
        s.add(BottleneckKind.GC);
        s.add(BottleneckKind.SPILL);
      }
      case "spark.dynamicAllocation.enabled",
          "spark.dynamicAllocation.shuffleTracking.enabled",
          "spark.dynamicAllocation.maxExecutors" ->
          s.add(BottleneckKind.IDLE_EXECUTORS);
      default -> {
        if (key.startsWith("spark.sql.adaptive.")) {
          s.add(BottleneckKind.TASK_SKEW);
          s.add(BottleneckKind.TOO_MANY_PARTITIONS);
        } else if (key.startsWith("spark.reducer.")
            || key.startsWith("spark.shuffle.")
            || key.startsWith("spark.rapids.shuffle.")) {
          s.add(BottleneckKind.FETCH_FAILURES);
        }
      }
    }
    return s;
  }

  /**
   * The stages a key acts on, whose share of wall time bounds its saving: shuffle stages for
   * shuffle, serializer and adaptive settings, input stages for the input partition size.
   */
  static Optional<BottleneckKind> scope(Change c) {
    String key = c.key();
    if (PARTITIONING_KEYS.contains(key) && direction(c).orElse(1) == 0) {
      return Optional.empty(); // Spark's default set explicitly: no effect
    }
    if (key.equals("spark.sql.files.maxPartitionBytes")) {
      return Optional.of(BottleneckKind.INPUT_BOUND);
    }
    if (key.startsWith("spark.sql.adaptive.")
        || key.equals("spark.sql.shuffle.partitions")
        || key.equals("spark.serializer")
        || key.startsWith("spark.kryoserializer.")
        || key.startsWith("spark.reducer.")
        || key.startsWith("spark.rapids.shuffle.")
        || (key.startsWith("spark.shuffle.") && !key.equals("spark.shuffle.service.enabled"))) {
      return Optional.of(BottleneckKind.SHUFFLE_BOUND);
    }
    return Optional.empty();
  }

  Impact estimate(List<Change> changes) {
    return profile.isPresent() ? onLog(changes) : onConfig(changes);
  }

  /**
   * Why a layout change that keeps the task slots but changes the number of executor JVMs has no
   * predicted size: the replay simulator keeps each task's logged time, while what such a change
   * acts on is per JVM (class loading, JIT compilation and GC threads, one set per executor, and
   * each executor's copy of every broadcast). The impact check measured merging 6 one-core
   * executors into 2 of 3 cores at -56 % of the workload's wall time on a 2-core machine where the
   * replay predicted 0 % (benchmarks/README.md, impact check).
   */
  private static String perJvmCosts(ApplicationProfile p, ReplaySpec now, ReplaySpec target) {
    long runMs = p.totals().executorRunTimeMs();
    double cpuMs = p.totals().executorCpuTimeNs() / 1e6;
    String onCpu =
        runMs > 0 && cpuMs > 0
            ? String.format(
                Locale.ROOT,
                "; the log's tasks were on a CPU for %.0f %% of their run time (%.1f s of %.1f s),"
                    + " the rest waiting, partly for the CPU that those per-JVM threads held",
                100 * cpuMs / runMs,
                cpuMs / 1000,
                runMs / 1000.0)
            : "";
    return String.format(
        Locale.ROOT,
        "%d x %d cores becomes %d x %d cores: the same task slots in %s JVMs. The replay simulator"
            + " keeps each task's logged time and so predicts no change, but what this changes is"
            + " per JVM (class loading, JIT compilation and GC threads, and each executor's copy"
            + " of every broadcast), which the log does not separate from the tasks' own work%s."
            + " Expect %s; measure it",
        now.executors(),
        now.executorCores(),
        target.executors(),
        target.executorCores(),
        target.executors() < now.executors() ? "fewer" : "more",
        onCpu,
        target.executors() < now.executors() ? "it to be faster" : "it to be slower");
  }

  private Impact onLog(List<Change> changes) {
    ApplicationProfile p = profile.get();
    BottleneckReport report = bottlenecks.get();
    Optional<Duration> wall = report.wallTime().filter(d -> d.toMillis() > 0);
    if (wall.isEmpty()) {
      return Impact.unknown("the event log has no wall time to compare against");
    }
    Set<String> keys = new TreeSet<>();
    changes.forEach(c -> keys.add(c.key()));
    Set<BottleneckKind> acts = EnumSet.noneOf(BottleneckKind.class);
    Set<BottleneckKind> scopes = EnumSet.noneOf(BottleneckKind.class);
    List<String> unmodelled = new ArrayList<>();
    boolean layout = false;
    for (Change c : changes) {
      String k = c.key();
      acts.addAll(addressed(c));
      scope(c).ifPresent(scopes::add);
      layout |= LAYOUT_KEYS.contains(k);
      if (addressed(c).isEmpty() && scope(c).isEmpty() && !LAYOUT_KEYS.contains(k)) {
        unmodelled.add(k);
      }
    }
    if (unmodelled.size() == keys.size()) {
      return Impact.unknown(
          "no model covers "
              + String.join(", ", keys)
              + ": neither the replay simulator (executor layout) nor a bottleneck the detector"
              + " attributes time to is changed by it (a value equal to Spark's default changes"
              + " nothing)");
    }
    int failedJobs = p.failures().failedJobs();
    if (failedJobs > 0
        && report.bottlenecks().stream()
            .anyMatch(b -> FAILURE_KINDS.contains(b.kind()) && acts.contains(b.kind()))) {
      return Impact.unknown(
          String.format(
              Locale.ROOT,
              "%d job(s) of the application failed, so its wall time is no baseline: the change is"
                  + " needed for the job to finish, and how long the work the failure cut short"
                  + " then takes is not in this log",
              failedJobs));
    }
    double wallMs = wall.get().toMillis();
    double expected = 0;
    double favourable = 0;
    double worst = 0;
    double level = BOUND_LEVEL;
    double resources = 1;
    List<String> parts = new ArrayList<>();
    String method = "bottleneck-saving";
    if (layout) {
      ReplaySpec now = PerformanceModels.observedLayout(p);
      ReplaySpec target =
          target(now, changes, p.clusterManager().orElse(null) == ClusterManager.STANDALONE);
      if (target.executors() != now.executors()
          && (long) target.executors() * target.executorCores()
              == (long) now.executors() * now.executorCores()) {
        return Impact.unknown(perJvmCosts(p, now, target));
      }
      if (!target.equals(now)) {
        ScalingReport base = scaling(p, now);
        ScalingReport next = scaling(p, target);
        ReplayResult r0 = base.replay().orElseThrow();
        ReplayResult r1 = next.replay().orElseThrow();
        double b = Math.max(1, r0.predicted().toMillis());
        expected += r1.predicted().toMillis() / b - 1;
        favourable += r1.interval().low() / b - 1;
        worst += r1.interval().high() / b - 1;
        level = r1.interval().level();
        resources = held(target) / held(now);
        method = "replay-simulator";
        parts.add(
            String.format(
                Locale.ROOT,
                "replay simulator: %d x %d cores%s re-scheduled as %d x %d cores%s takes %.1f s"
                    + " against %.1f s on the observed layout (%.0f %% interval %.1f-%.1f s)%s",
                now.executors(),
                now.executorCores(),
                gpuText(now),
                target.executors(),
                target.executorCores(),
                gpuText(target),
                r1.predicted().toMillis() / 1000.0,
                b / 1000.0,
                100 * level,
                r1.interval().low() / 1000.0,
                r1.interval().high() / 1000.0,
                next.ernestSpeedup().isPresent()
                    ? String.format(
                        Locale.ROOT,
                        "; the Ernest model of %s predicts x%.2f the speed%s",
                        historyName,
                        next.ernestSpeedup().getAsDouble(),
                        next.disagree() ? ", outside the replay's interval" : "")
                    : ""));
      }
    }
    double saved = 0;
    for (Bottleneck bn : report.bottlenecks()) {
      if (!acts.contains(bn.kind()) || bn.kind() == BottleneckKind.IDLE_EXECUTORS) {
        continue;
      }
      double save = bn.estimatedSaving().map(Duration::toMillis).orElse(0L) / wallMs;
      double share = bn.wallTimeFraction().orElse(save);
      saved += save;
      favourable -= Math.max(save, share);
      // a figure that prints as 0.0 % is said in words: "saving 0.0 %" reads as a promise of
      // nothing
      parts.add(
          String.format(
              Locale.ROOT,
              "%s (%s): %s, %s",
              bn.kind().id(),
              bn.severity().name().toLowerCase(Locale.ROOT),
              100 * share < 0.05
                  ? "costs under 0.1 % of wall time"
                  : String.format(Locale.ROOT, "costs %.1f %% of wall time", 100 * share),
              100 * save < 0.05
                  ? "no measurable saving"
                  : String.format(Locale.ROOT, "estimated saving %.1f %%", 100 * save)));
    }
    expected -= saved;
    // physics: a change saves at most the wall time of the stages it acts on
    double bound = 0;
    boolean bounded = !layout && !scopes.isEmpty() && unmodelled.isEmpty();
    for (Change c : changes) {
      if (scope(c).isEmpty()) {
        bounded = false;
      }
    }
    for (BottleneckKind s : scopes) {
      List<ApplicationProfile.Stage> stages = actedOn(s, changes);
      double share = stageShare(stages, wallMs);
      bound = Math.min(1, bound + share);
      double extra = Math.max(0, share - saved);
      favourable -= extra;
      parts.add(
          String.format(
              Locale.ROOT,
              "the %d %s stage(s) these settings act on ran %.0f %% of wall time: the most they"
                  + " can save",
              stages.size(),
              s == BottleneckKind.SHUFFLE_BOUND ? "shuffle" : "scan",
              100 * share));
    }
    if (bounded) {
      expected = Math.max(expected, -bound);
      favourable = Math.max(favourable, -bound);
    }
    Optional<Bottleneck> idle =
        report.bottlenecks().stream()
            .filter(b -> b.kind() == BottleneckKind.IDLE_EXECUTORS && acts.contains(b.kind()))
            .findFirst();
    double costFloor = Double.NaN;
    if (idle.isPresent()) {
      double used = idle.get().evidence().getOrDefault("usedSlotMs", 0.0);
      double available = idle.get().evidence().getOrDefault("availableSlotMs", 0.0);
      if (available > 0) {
        costFloor = Math.min(1, used / available) - 1;
        parts.add(
            String.format(
                Locale.ROOT,
                "idle executors: slots ran tasks %.0f %% of the time they were alive, so"
                    + " releasing idle executors cuts the slot time paid for by up to %.0f %%",
                100 * used / available,
                -100 * costFloor));
      }
    }
    if (parts.isEmpty()) {
      return Impact.unknown(
          "no model can say: no bottleneck these keys act on was found on this log and the"
              + " executor layout is unchanged");
    }
    if (expected == 0 && !layout && idle.isEmpty()) {
      return Impact.unknown(
          "no model estimates a saving: no bottleneck these keys act on was measured and the"
              + " executor layout is unchanged; "
              + String.join("; ", parts));
    }
    expected = clamp(expected);
    favourable = Math.min(expected, clamp(favourable));
    worst = Math.max(expected, worst);
    Range time = new Range(expected, favourable, worst);
    double cExp = (1 + expected) * resources - 1;
    double cLow = (1 + favourable) * resources - 1;
    double cHigh = (1 + worst) * resources - 1;
    if (!Double.isNaN(costFloor)) {
      cLow = Math.min(cLow, costFloor);
      cExp = Math.min(cExp, (cExp + costFloor) / 2);
    }
    Range cost = new Range(cExp, Math.max(-1, Math.min(cLow, cExp)), Math.max(cHigh, cExp));
    String basis =
        String.join("; ", parts)
            + ". The interval runs from the model's high end (no gain for a bottleneck) to the whole"
            + " measured share."
            + (unmodelled.isEmpty() ? "" : " Not modelled: " + String.join(", ", unmodelled) + ".")
            + " Cost = run time x the cores or GPUs held.";
    return new Impact(
        true,
        Optional.of(time),
        Optional.of(cost),
        wall,
        level,
        confidence(time, level),
        method,
        basis);
  }

  /**
   * The stages a scope's changes act on: for a smaller {@code maxPartitionBytes}, the scan stages
   * whose splits it cuts; for other input settings every stage that read input; for shuffle
   * settings every stage that read or wrote shuffle data.
   */
  private List<ApplicationProfile.Stage> actedOn(BottleneckKind scope, List<Change> changes) {
    ApplicationProfile p = profile.orElseThrow();
    if (scope == BottleneckKind.SHUFFLE_BOUND) {
      return p.stages().stream()
          .filter(s -> s.shuffleReadBytes().sum() + s.shuffleWriteBytes().sum() > 0)
          .toList();
    }
    for (Change c : changes) {
      if (c.key().equals(Filters.MAX_PARTITION_BYTES) && direction(c).orElse(0) < 0) {
        return filters.orElseThrow().scanStagesCut(ByteSizes.parseBytes(c.proposed()));
      }
    }
    return p.stages().stream().filter(s -> s.inputBytes().sum() > 0).toList();
  }

  /** The stages' summed duration (submission to completion) as a share of wall time, at most 1. */
  private static double stageShare(List<ApplicationProfile.Stage> stages, double wallMs) {
    long ms = 0;
    for (ApplicationProfile.Stage s : stages) {
      ms += s.duration().map(Duration::toMillis).orElse(s.wallTimeMs().max());
    }
    return Math.min(1, ms / wallMs);
  }

  private ScalingReport scaling(ApplicationProfile p, ReplaySpec spec) {
    return scaling.computeIfAbsent(spec, s -> PerformanceModels.predictScaling(p, s, history));
  }

  /** Without a log: the Ernest model of the history, for changes of executors or cores. */
  private Impact onConfig(List<Change> changes) {
    SparkConfig before = config.get();
    SparkConfig after = before;
    boolean layout = false;
    for (Change c : changes) {
      after = after.with(c.key(), c.proposed());
      layout |=
          c.key().equals("spark.executor.instances")
              || c.key().equals("spark.executor.cores")
              || c.key().equals("spark.master");
    }
    if (!layout) {
      return Impact.unknown(
          "without an event log only the Ernest model of the performance history could say, and"
              + " it models executors and cores only; attach an event log for the bottleneck"
              + " models");
    }
    PerformancePrediction p0 =
        PerformanceModels.predictPerformance(before, cluster.get(), workload.get(), history);
    PerformancePrediction p1 =
        PerformanceModels.predictPerformance(after, cluster.get(), workload.get(), history);
    if (p0.expected().isEmpty() || p1.expected().isEmpty() || p1.interval().isEmpty()) {
      return Impact.unknown(p1.reason());
    }
    double b = Math.max(1, p0.expected().get().toMillis());
    Interval i = p1.interval().get();
    double e = p1.expected().get().toMillis() / b - 1;
    Range time =
        new Range(e, Math.max(-1, Math.min(e, i.low() / b - 1)), Math.max(e, i.high() / b - 1));
    double res = (double) p1.machines() / Math.max(1, p0.machines());
    Range cost =
        new Range(
            (1 + e) * res - 1,
            Math.max(-1, (1 + time.low()) * res - 1),
            (1 + time.high()) * res - 1);
    return new Impact(
        true,
        Optional.of(time),
        Optional.of(cost),
        p0.expected(),
        i.level(),
        confidence(time, i.level()),
        "ernest",
        String.format(
                Locale.ROOT,
                "Ernest model of %s: %d cores -> %d cores, %.1f s -> %.1f s"
                    + " (%.0f %% interval %.1f-%.1f s). ",
                historyName,
                p0.machines(),
                p1.machines(),
                b / 1000.0,
                p1.expected().get().toMillis() / 1000.0,
                100 * i.level(),
                i.low() / 1000.0,
                i.high() / 1000.0)
            + p1.reason());
  }

  /** The observed layout with the changes' executor, core, GPU and concurrency values. */
  /**
   * The executor layout after the changes. On a standalone cluster the application gets the
   * workers' cores (up to {@code spark.cores.max}) and {@code spark.executor.cores} only splits
   * them: "only one executor per application will run on each worker" unless the worker has cores
   * for several (Spark's configuration page, spark.executor.cores), so a change of executor cores
   * alone keeps the task slots and changes the executor count.
   */
  static ReplaySpec target(ReplaySpec now, List<Change> changes, boolean standalone) {
    boolean countChanged =
        changes.stream()
            .anyMatch(
                c ->
                    c.key().equals("spark.executor.instances")
                        || c.key().equals("spark.dynamicAllocation.maxExecutors"));
    int executors = now.executors();
    int cores = now.executorCores();
    int gpus = now.gpusPerExecutor();
    int concurrent = now.concurrentGpuTasks();
    for (Change c : changes) {
      switch (c.key()) {
        case "spark.executor.instances", "spark.dynamicAllocation.maxExecutors" ->
            executors = Math.max(1, Evidence.intOr(c.proposed(), executors));
        case "spark.executor.cores" -> cores = Math.max(1, Evidence.intOr(c.proposed(), cores));
        case "spark.executor.resource.gpu.amount" ->
            gpus = Math.max(0, Evidence.intOr(c.proposed(), gpus));
        case "spark.rapids.sql.concurrentGpuTasks" ->
            concurrent = Math.max(1, Evidence.intOr(c.proposed(), concurrent));
        default -> {
          // not a layout key
        }
      }
    }
    if (standalone && !countChanged && cores != now.executorCores()) {
      executors = Math.max(1, now.executors() * now.executorCores() / cores);
    }
    return new ReplaySpec(executors, cores, gpus, concurrent);
  }

  /** Resources held, which cost scales with: GPUs for a GPU job, else cores. */
  private static double held(ReplaySpec s) {
    return (double) s.executors()
        * (s.gpusPerExecutor() > 0 ? s.gpusPerExecutor() : s.executorCores());
  }

  private static String gpuText(ReplaySpec s) {
    return s.gpusPerExecutor() > 0
        ? String.format(
            Locale.ROOT,
            ", %d GPU(s) each, %d concurrent GPU tasks",
            s.gpusPerExecutor(),
            s.concurrentGpuTasks())
        : "";
  }

  private static double clamp(double fraction) {
    return Math.max(-0.95, fraction);
  }

  /**
   * Probability that the change helps: the interval read as a central interval of the given level
   * of a normal distribution, P(change below 0).
   */
  static double confidence(Range r, double level) {
    double z = NORMAL.inverseCumulativeProbability(0.5 + level / 2);
    double sigma = (r.high() - r.low()) / (2 * z);
    if (sigma <= 0) {
      return r.expected() < 0 ? 1 : 0;
    }
    return NORMAL.cumulativeProbability(-r.expected() / sigma);
  }
}
