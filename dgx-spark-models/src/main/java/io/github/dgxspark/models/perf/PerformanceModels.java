package io.github.dgxspark.models.perf;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.perf.ErnestModel.SizeBasis;
import io.github.dgxspark.models.workload.GpuCosts;
import io.github.dgxspark.models.workload.WorkloadAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Performance models: the Ernest regression fitted on the measured runs of the performance history
 * ({@link #predictPerformance}), the replay simulator that re-schedules one event log's recorded
 * tasks on another cluster layout ({@link #replay}), and scaling predictions from both ({@link
 * #predictScaling}).
 *
 * <pre>{@code
 * ApplicationProfile p = EventLogs.read(Path.of("app.zstd"));
 * ScalingReport r = PerformanceModels.predictScaling(p, 8);
 * System.out.println(r.result().predictedDurationMs() + " ms, " + r.reason());
 * }</pre>
 */
public final class PerformanceModels {
  private PerformanceModels() {}

  /**
   * The layout an event log ran on: the most executors alive at once, their cores, GPUs and {@code
   * spark.rapids.sql.concurrentGpuTasks} (2, the RAPIDS default, when unset).
   *
   * @param profile the application
   * @return the observed layout
   */
  public static ReplaySpec observedLayout(ApplicationProfile profile) {
    Objects.requireNonNull(profile, "profile");
    Replayer.Layout l = Replayer.layout(profile);
    return new ReplaySpec(
        l.executors(), l.executorCores(), l.gpusPerExecutor(), l.concurrentGpuTasks());
  }

  /**
   * Replays the application's recorded tasks, stage by stage, on another layout; the driver's own
   * time (no task running) is kept as observed.
   *
   * @param profile the application
   * @param target the layout to replay on
   * @return the replayed wall time with an interval
   * @throws ModelsException if the log has no task with a launch and finish time
   */
  public static ReplayResult replay(ApplicationProfile profile, ReplaySpec target) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(target, "target");
    return replay(Replayer.of(profile), target, null);
  }

  private static ReplayResult replay(Replayer r, ReplaySpec target, Replayer.Host host) {
    double observed = r.observedMillis;
    double reproduction = observed > 0 ? (r.simulateObserved() - observed) / observed : 0;
    double predicted = r.simulate(target, host, null);
    Interval interval = r.interval(target, host, predicted, reproduction);
    int stages = r.segments.stream().mapToInt(s -> s.stages().size()).sum();
    String reason =
        String.format(
            Locale.ROOT,
            "%d tasks of %d stage attempts re-scheduled on %d executors × %d cores (%d task"
                + " slots%s); %.1f s with no task running kept as driver time; replayed on the"
                + " executors it really had, this log is reproduced within %+.1f %%%s",
            r.tasks,
            stages,
            target.executors(),
            target.executorCores(),
            r.slots(target),
            r.layout.gpuJob()
                ? String.format(
                    Locale.ROOT,
                    ", %d GPU(s) per executor, %d concurrent GPU tasks",
                    target.gpusPerExecutor(),
                    target.concurrentGpuTasks())
                : "",
            r.driverMillis / 1000.0,
            100 * reproduction,
            resplitReason(r, target) + (host == null ? "" : ". " + hostReason(r, target, host)));
    return new ReplayResult(
        target,
        r.slots(target),
        Duration.ofMillis(Math.round(observed)),
        Duration.ofMillis(Math.round(predicted)),
        interval,
        Duration.ofMillis(r.driverMillis),
        reproduction,
        stages,
        r.tasks,
        reason);
  }

  /** The stages re-split because the target's default parallelism differs, or "". */
  private static String resplitReason(Replayer r, ReplaySpec target) {
    int from = r.defaultParallelism(r.layout.executors(), r.layout.executorCores());
    int to = r.defaultParallelism(target.executors(), target.executorCores());
    if (from == to) {
      return "";
    }
    long stages =
        r.segments.stream()
            .flatMap(s -> s.stages().stream())
            .filter(r::sizedByDefaultParallelism)
            .count();
    if (stages == 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        ". spark.default.parallelism is not set, so Spark's default (the task slots' cores, at"
            + " least 2 outside local mode) goes from %d to %d: the %d stage attempt(s) of %d"
            + " tasks sized by it are replayed as %d tasks each, the same work re-split",
        from,
        to,
        stages,
        from,
        to);
  }

  /** What the host model used, in the log's own figures. */
  private static String hostReason(Replayer r, ReplaySpec target, Replayer.Host host) {
    int from = r.layout.executors();
    int to = target.executors();
    int perExecutor =
        r.layout.slotsPerExecutor(r.layout.executorCores(), r.layout.gpusPerExecutor());
    int slots0 = from * perExecutor;
    int slots1 = r.slots(target);
    return String.format(
        Locale.ROOT,
        "The executors share host %s with %d cores, so executors add no cores: a running task"
            + " gets %d cores ÷ the tasks running at once, at most %.0f (its thread plus its JVM's"
            + " JIT-compiler and GC threads), so on %d task slots instead of %d a task of a stage"
            + " that fills them takes ×%.2f as long; each slot's first task of a stage runs before"
            + " its JVM has compiled the stage's code, and later tasks took %.2f of its time (%s);"
            + " the executors were added %.1f s after the application started on average, about"
            + " %.1f s of start-up for one executor on an idle host, which each co-located"
            + " executor %s spreads over the %d cores (%+.1f s before the first task on %d"
            + " executors)",
        host.hostName(),
        host.cores(),
        host.cores(),
        Replayer.TASK_CORES,
        slots1,
        slots0,
        host.coresPerTask(slots0) / host.coresPerTask(slots1),
        host.warmRatio(),
        host.warmStages() > 0
            ? String.format(
                Locale.ROOT,
                "median over the %d stage(s) of this log with more tasks than slots",
                host.warmStages())
            : String.format(
                Locale.ROOT,
                "no stage of this log had more tasks than its %d slots to measure it, so the"
                    + " median of the harness's local-cluster[1,1] ETL logs, %.2f, is assumed",
                slots0,
                Replayer.DEFAULT_WARM_RATIO),
        host.addedMillis() / 1000.0,
        host.startupMillis() / 1000.0,
        to >= from ? "added" : "removed",
        host.cores(),
        host.startupMillis() * (to - from) / host.cores() / 1000.0,
        to);
  }

  /**
   * Fits the Ernest model of a workload on the history's runs of it.
   *
   * @param workload a workload type id, e.g. {@code sql-analytics}
   * @param history measured runs
   * @return the fitted model
   * @throws ModelsException if the history has no run of the workload
   */
  static ErnestModel fitErnest(String workload, PerformanceHistory history) {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(history, "history");
    return Ernest.fit(workload, history.runsOf(workload));
  }

  /**
   * Predicts a job's run time on a cluster with a config from the packaged performance history.
   *
   * @param config the Spark config ({@code spark.executor.instances} and {@code
   *     spark.executor.cores}; one executor per node with all its cores when unset)
   * @param hardware the cluster
   * @param workload the job
   * @return the prediction; empty with a reason when the history has no run of the workload
   */
  public static PerformancePrediction predictPerformance(
      SparkConfig config, ClusterSpec hardware, WorkloadSpec workload) {
    return predictPerformance(config, hardware, workload, PerformanceHistory.builtIn());
  }

  /**
   * Predicts a job's run time on a cluster with a config from a performance history.
   *
   * @param config the Spark config ({@code spark.executor.instances} and {@code
   *     spark.executor.cores}; one executor per node with all its cores when unset)
   * @param hardware the cluster
   * @param workload the job
   * @param history measured runs
   * @return the prediction with an 80 % bootstrap interval, flagged {@code thinData} when the model
   *     rests on fewer than 5 runs or 3 core counts; empty with a reason when the history has no
   *     run of the workload or the model needs an input size the workload lacks
   * @throws ModelsException if the config's executor count or cores are not positive whole numbers
   */
  public static PerformancePrediction predictPerformance(
      SparkConfig config, ClusterSpec hardware, WorkloadSpec workload, PerformanceHistory history) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(history, "history");
    boolean local =
        hardware.manager() == ClusterManager.LOCAL
            || config.get("spark.master").flatMap(SparkSemantics::clusterManager).orElse(null)
                == ClusterManager.LOCAL;
    int executors =
        local
            ? 1
            : Replayer.positiveSetting(config, "spark.executor.instances", hardware.nodeCount());
    int cores =
        Replayer.positiveSetting(config, "spark.executor.cores", hardware.node().logicalCores());
    int machines;
    try {
      machines = Math.multiplyExact(executors, cores);
    } catch (ArithmeticException e) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "spark.executor.instances x spark.executor.cores = %d x %d is more cores than any"
                  + " cluster has; expected counts of a real cluster",
              executors,
              cores),
          e);
    }
    return ernestPrediction(workload, machines, history);
  }

  private static PerformancePrediction ernestPrediction(
      WorkloadSpec workload, int machines, PerformanceHistory history) {
    String id = workload.type().id();
    List<PerformanceRun> runs = history.runsOf(id);
    if (runs.isEmpty()) {
      return new PerformancePrediction(
          id,
          machines,
          workload.inputBytes().orElse(0),
          Optional.empty(),
          Optional.empty(),
          true,
          0,
          Optional.empty(),
          String.format(
              Locale.ROOT,
              "the performance history has no measured run of workload '%s' (%d runs of other"
                  + " workloads), so no Ernest model can be fitted; replay an event log of the job"
                  + " instead, or add measured runs",
              id,
              history.runs().size()),
          Ernest.SOURCE);
    }
    ErnestModel model = Ernest.fit(id, runs);
    double size;
    String sizeText;
    if (model.sizeBasis() == SizeBasis.INPUT_BYTES) {
      if (workload.inputBytes().isEmpty()) {
        return new PerformancePrediction(
            id,
            machines,
            0,
            Optional.empty(),
            Optional.empty(),
            true,
            runs.size(),
            Optional.of(model),
            "the Ernest model of '"
                + id
                + "' is in input bytes, but the workload gives no input size; state one",
            Ernest.SOURCE);
      }
      size = workload.inputBytes().getAsLong();
      sizeText = ByteSizes.human((long) size) + " of input";
    } else {
      size = 1;
      sizeText = "scale 1 (the runs have no input size; scale factors are compared)";
    }
    double point = model.predictMillis(size, machines);
    Interval interval = Ernest.interval(model, runs, size, machines);
    int minMachines = runs.stream().mapToInt(Ernest::machines).min().orElse(machines);
    int maxMachines = runs.stream().mapToInt(Ernest::machines).max().orElse(machines);
    boolean extrapolated = machines > 2 * maxMachines || 2 * machines < minMachines;
    boolean thin = Ernest.thin(model) || extrapolated;
    String reason =
        String.format(
            Locale.ROOT,
            "Ernest model of '%s' fitted on %d measured runs at %d distinct core counts (θ = %.0f,"
                + " %.3g, %.0f, %.2f ms; training median error %.0f %%), evaluated at %d cores and"
                + " %s%s",
            id,
            model.runs(),
            model.distinctMachineCounts(),
            model.theta0Millis(),
            model.theta1Millis(),
            model.theta2Millis(),
            model.theta3Millis(),
            100 * model.trainingMedianErrorFraction(),
            machines,
            sizeText,
            (Ernest.thin(model)
                    ? "; too few runs (under 5, or under 3 core counts) for a reliable fit:"
                        + " indicative only"
                    : "")
                + (extrapolated
                    ? String.format(
                        Locale.ROOT,
                        "; %d cores lies far outside the measured %d–%d cores, so this is an"
                            + " extrapolation: indicative only",
                        machines,
                        minMachines,
                        maxMachines)
                    : ""));
    return new PerformancePrediction(
        id,
        machines,
        size,
        Optional.of(Duration.ofMillis(Math.round(point))),
        Optional.of(interval),
        thin,
        runs.size(),
        Optional.of(model),
        reason,
        Ernest.SOURCE);
  }

  /**
   * Predicts the application's wall time on another executor count, the rest of its layout kept,
   * from its own log (replay) and from the packaged history (Ernest) when it has runs of the
   * application's workload type.
   *
   * @param profile the application
   * @param targetExecutors executors on the target, 1 or more
   * @return the prediction from both models
   * @throws ModelsException if targetExecutors is below 1 or the log has no timed task
   */
  public static ScalingReport predictScaling(ApplicationProfile profile, int targetExecutors) {
    Objects.requireNonNull(profile, "profile");
    return predictScaling(
        profile,
        observedLayout(profile).withExecutors(targetExecutors),
        PerformanceHistory.builtIn());
  }

  /**
   * Predicts the application's wall time on another layout (executors, cores, GPUs per executor,
   * concurrent GPU tasks) from its own log and from a performance history.
   *
   * @param profile the application
   * @param target the target layout
   * @param history measured runs for the Ernest model
   * @return the prediction from both models, saying where they disagree
   * @throws ModelsException if the log has no timed task
   */
  public static ScalingReport predictScaling(
      ApplicationProfile profile, ReplaySpec target, PerformanceHistory history) {
    return predictScaling(profile, target, history, OptionalInt.empty());
  }

  /**
   * As {@link #predictScaling(ApplicationProfile, ReplaySpec, PerformanceHistory)}, on a host of
   * {@code hostCores} cores when the log's executors all ran on one host (as on {@code
   * local-cluster}) and the target's executors share it: a task's time then depends on how many
   * tasks share the host's cores, the first task of a stage on each slot runs before its JVM has
   * compiled the stage's code, and each added executor's JVM start-up delays the first task. All
   * three are measured from the log (see the report's reason). Unknown host cores, or executors on
   * more than one host, give the plain replay: each executor brings its own cores.
   *
   * @param profile the application
   * @param target the target layout
   * @param history measured runs for the Ernest model
   * @param hostCores the logical cores of the host the executors share, when known
   * @return the prediction from both models, saying where they disagree
   * @throws ModelsException if the log has no timed task or hostCores is below 1
   */
  public static ScalingReport predictScaling(
      ApplicationProfile profile,
      ReplaySpec target,
      PerformanceHistory history,
      OptionalInt hostCores) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(hostCores, "hostCores");
    if (hostCores.isPresent() && hostCores.getAsInt() < 1) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "host cores is %d; expected the host's logical cores, 1 or more",
              hostCores.getAsInt()));
    }
    Replayer r = Replayer.of(profile);
    Replayer.Host host = hostCores.isPresent() ? r.host(hostCores.getAsInt()).orElse(null) : null;
    ReplaySpec current =
        new ReplaySpec(
            r.layout.executors(),
            r.layout.executorCores(),
            r.layout.gpusPerExecutor(),
            r.layout.concurrentGpuTasks());
    ReplayResult replay = replay(r, target, host);
    long observed = replay.observed().toMillis();
    long predicted = replay.predicted().toMillis();
    double replaySpeedup = (double) observed / Math.max(1, predicted);

    WorkloadSpec workload =
        WorkloadSpec.of(
            WorkloadAnalyzer.classify(profile).workloadType(),
            profile.totals().inputBytes(),
            r.layout.gpuJob()
                ? io.github.dgxspark.core.ExecutionMode.GPU
                : io.github.dgxspark.core.ExecutionMode.CPU);
    int currentMachines = current.executors() * current.executorCores();
    int targetMachines = target.executors() * target.executorCores();
    PerformancePrediction now = ernestPrediction(workload, currentMachines, history);
    PerformancePrediction then = ernestPrediction(workload, targetMachines, history);
    Interval interval = replay.interval();
    OptionalDouble ernestSpeedup = OptionalDouble.empty();
    boolean disagree = false;
    StringBuilder reason =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "replay: %d → %d executors takes %.1f s → %.1f s (×%.2f %s). ",
                current.executors(),
                target.executors(),
                observed / 1000.0,
                predicted / 1000.0,
                replaySpeedup >= 1 ? replaySpeedup : 1 / replaySpeedup,
                replaySpeedup >= 1 ? "faster" : "slower"));
    if (host != null) {
      reason.append(hostReason(r, target, host)).append(". ");
    }
    if (now.expected().isPresent() && then.expected().isPresent()) {
      double e0 = Math.max(1, now.expected().get().toMillis());
      double e1 = then.expected().get().toMillis();
      ernestSpeedup = OptionalDouble.of(e0 / Math.max(1, e1));
      long ernestTarget = Math.round(observed * e1 / e0);
      disagree = !interval.contains(ernestTarget);
      reason.append(
          String.format(
              Locale.ROOT,
              "Ernest (history of '%s', %d runs%s): ×%.2f, i.e. %.1f s. ",
              workload.type().id(),
              then.runsUsed(),
              then.thinData() ? ", thin data" : "",
              ernestSpeedup.getAsDouble(),
              ernestTarget / 1000.0));
      if (disagree) {
        reason.append(
            String.format(
                Locale.ROOT,
                "They disagree: Ernest's %.1f s lies outside the replay's interval [%.1f, %.1f] s."
                    + " The replay uses this job's own tasks and stage structure; Ernest's curve"
                    + " comes from other runs of the workload type (%s), so trust the replay unless"
                    + " the target changes per-task work (memory, spill, data size).",
                ernestTarget / 1000.0,
                interval.low() / 1000.0,
                interval.high() / 1000.0,
                then.thinData() ? "too few for a reliable fit" : "other jobs, other machines"));
      } else {
        reason.append("Both models agree within the replay's interval.");
      }
    } else {
      reason.append("No Ernest model: ").append(then.reason());
    }
    return new ScalingReport(
        new ScalingResult(current.executors(), observed, predicted, interval),
        target.executors(),
        Optional.of(replay),
        then.expected().isPresent() ? Optional.of(then) : Optional.empty(),
        OptionalDouble.of(replaySpeedup),
        ernestSpeedup,
        disagree,
        reason.toString().trim(),
        "replay simulator (Sparklens-style re-scheduling of the recorded tasks; qubole/sparklens"
            + " CompletionEstimator) and "
            + Ernest.SOURCE);
  }

  /**
   * Predicts a job's wall time on another executor count without an event log, from the Ernest
   * model of its workload type in a performance history.
   *
   * @param workload the job
   * @param executorCores cores per executor, 1 or more
   * @param currentExecutors executors now, 1 or more
   * @param targetExecutors executors on the target, 1 or more
   * @param history measured runs
   * @return the prediction; {@code observedDurationMs} is Ernest's prediction for the current count
   * @throws ModelsException if a count is below 1, or the history has no run of the workload, or
   *     the model needs an input size the workload lacks
   */
  public static ScalingReport predictScaling(
      WorkloadSpec workload,
      int executorCores,
      int currentExecutors,
      int targetExecutors,
      PerformanceHistory history) {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(history, "history");
    ReplaySpec current = new ReplaySpec(currentExecutors, executorCores, 0, 1);
    ReplaySpec target = current.withExecutors(targetExecutors);
    PerformancePrediction now =
        ernestPrediction(workload, current.executors() * executorCores, history);
    PerformancePrediction then =
        ernestPrediction(workload, target.executors() * executorCores, history);
    if (now.expected().isEmpty() || then.expected().isEmpty()) {
      throw new ModelsException("no scaling prediction without an event log: " + then.reason());
    }
    long e0 = now.expected().get().toMillis();
    long e1 = then.expected().get().toMillis();
    double speedup = (double) Math.max(1, e0) / Math.max(1, e1);
    return new ScalingReport(
        new ScalingResult(currentExecutors, e0, e1, then.interval().get()),
        targetExecutors,
        Optional.empty(),
        Optional.of(then),
        OptionalDouble.empty(),
        OptionalDouble.of(speedup),
        false,
        String.format(
            Locale.ROOT,
            "no event log: Ernest alone, %d → %d executors × %d cores takes %.1f s → %.1f s"
                + " (×%.2f). %s",
            currentExecutors,
            targetExecutors,
            executorCores,
            e0 / 1000.0,
            e1 / 1000.0,
            speedup,
            then.reason()),
        Ernest.SOURCE);
  }

  /**
   * The GPU's fixed costs for qualification, from the user's own GPU runs first: each run of the
   * user's history file that may have run on GPUs (GPUs per executor, or {@code spark.plugins} set)
   * is read again from the event log its provenance names, and the warm-up and least GPU stage are
   * measured on it as {@link GpuCosts#measured} says; costs no run measures, and everything when
   * the file is missing or holds no usable GPU run, are the packaged ones ({@link
   * GpuCosts#packaged()}), and {@link GpuCosts#source()} says which were used and why.
   *
   * @param userHistory the user's local history file ({@code history add}); a missing file has no
   *     runs
   * @param target the GPU cluster to qualify for (its cluster manager picks local-mode or cluster
   *     runs for the warm-up)
   * @return the costs
   * @throws ModelsException if the file exists but is not a history
   */
  public static GpuCosts gpuCosts(Path userHistory, ClusterSpec target) {
    Objects.requireNonNull(userHistory, "userHistory");
    Objects.requireNonNull(target, "target");
    if (!Files.exists(userHistory)) {
      return GpuCosts.packaged();
    }
    List<ApplicationProfile> runs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (PerformanceRun r : PerformanceHistory.load(userHistory).runs()) {
      if (r.gpusPerExecutor() == 0 && r.config().get("spark.plugins").isEmpty()) {
        continue; // a CPU run: no GPU cost to measure
      }
      String label = r.applicationId().orElse(r.eventLog().orElse("a run without app id"));
      Optional<Path> log = r.eventLog().map(Path::of).filter(Files::exists);
      if (log.isEmpty()) {
        notes.add(label + ": its event log " + r.eventLog().orElse("(none)") + " is gone");
        continue;
      }
      try {
        runs.add(EventLogs.read(log.get()));
        labels.add(label);
      } catch (ModelsException e) {
        notes.add(label + ": " + e.getMessage());
      }
    }
    return GpuCosts.measured(
        runs,
        labels,
        target.manager() == ClusterManager.LOCAL,
        "your history " + userHistory,
        notes);
  }
}
