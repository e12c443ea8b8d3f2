package io.github.dgxspark.models.perf;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.ApplicationProfile.ExecutorCount;
import io.github.dgxspark.models.eventlog.ApplicationProfile.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The replay engine. The application's timeline is cut into <em>segments</em>: maximal groups of
 * stage attempts whose task spans (first launch to last finish) overlap. Between segments, before
 * the first and after the last, no task runs: that is the driver's own time, kept as observed.
 * Inside a segment every stage attempt's tasks are list-scheduled on a pool of task slots in
 * submission order (Spark's FIFO scheduler), a stage starting no earlier than its parents inside
 * the segment have finished plus the observed gap, and stages without a parent there at their
 * observed offset from the segment's start.
 *
 * <p>Task durations are the recorded executor run times: every one for stages of at most {@value
 * ApplicationProfile.Stage#RUN_TIME_SAMPLE_LIMIT} tasks, else the stage's bounded sample expanded
 * to its task count by quantiles with the exact maximum and sum kept.
 */
final class Replayer {
  /** RAPIDS Accelerator default of {@code spark.rapids.sql.concurrentGpuTasks} (its docs). */
  static final int DEFAULT_CONCURRENT_GPU_TASKS = 2;

  final ApplicationProfile profile;
  final Layout layout;
  final List<Segment> segments;
  final long observedMillis;
  final long driverMillis;
  final long tasks;

  /** The observed per-executor layout. */
  record Layout(
      int executors,
      int executorCores,
      int taskCpus,
      int gpusPerExecutor,
      double taskGpus,
      int concurrentGpuTasks,
      boolean gpuJob) {

    int slotsPerExecutor(int cores, int gpus) {
      int slots = Math.max(1, cores / taskCpus);
      if (gpuJob && gpus > 0 && taskGpus > 0) {
        slots = Math.min(slots, Math.max(1, (int) Math.floor(gpus / taskGpus + 1e-9)));
      }
      return slots;
    }

    /** How much longer a task runs because tasks queue for the GPU (1 for a CPU job). */
    double gpuContention(int slots, int gpus, int concurrent) {
      if (!gpuJob || gpus == 0) {
        return 1;
      }
      return (double) slots / Math.min(slots, (long) concurrent * gpus);
    }
  }

  /** One stage attempt inside a segment. */
  record StageRun(
      Stage stage,
      long submittedOffsetMillis,
      long firstLaunchMillis,
      long lastFinishMillis,
      double[] durations) {}

  /** A group of stage attempts whose task spans overlap. */
  record Segment(long startMillis, long endMillis, List<StageRun> stages, double observedSlots) {
    long spanMillis() {
      return endMillis - startMillis;
    }
  }

  private Replayer(
      ApplicationProfile profile,
      Layout layout,
      List<Segment> segments,
      long observedMillis,
      long driverMillis,
      long tasks) {
    this.profile = profile;
    this.layout = layout;
    this.segments = segments;
    this.observedMillis = observedMillis;
    this.driverMillis = driverMillis;
    this.tasks = tasks;
  }

  static Replayer of(ApplicationProfile profile) {
    Layout layout = layout(profile);
    List<Stage> timed = new ArrayList<>();
    for (Stage s : profile.stages()) {
      if (s.runTimeMs().count() > 0
          && s.firstTaskLaunch().isPresent()
          && s.lastTaskFinish().isPresent()) {
        timed.add(s);
      }
    }
    String name = profile.applicationId().orElse("the application");
    if (timed.isEmpty()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "event log of %s has no task with a launch and finish time; a replay needs at least"
                  + " one completed task",
              name));
    }
    timed.sort(Comparator.comparing(s -> s.firstTaskLaunch().get()));
    long firstLaunch = millis(timed.get(0).firstTaskLaunch().get());
    long lastFinish = Long.MIN_VALUE;
    for (Stage s : timed) {
      lastFinish = Math.max(lastFinish, millis(s.lastTaskFinish().get()));
    }
    long appStart = profile.startTime().map(Replayer::millis).orElse(firstLaunch);
    long appEnd = profile.endTime().map(Replayer::millis).orElse(lastFinish);
    appStart = Math.min(appStart, firstLaunch);
    appEnd = Math.max(appEnd, lastFinish);

    List<Segment> segments = new ArrayList<>();
    List<Stage> current = new ArrayList<>();
    long segStart = 0;
    long segEnd = Long.MIN_VALUE;
    long busy = 0;
    long tasks = 0;
    for (Stage s : timed) {
      long a = millis(s.firstTaskLaunch().get());
      long b = Math.max(a, millis(s.lastTaskFinish().get()));
      if (!current.isEmpty() && a >= segEnd) {
        segments.add(segment(profile, layout, current, segStart, segEnd));
        busy += segEnd - segStart;
        current = new ArrayList<>();
      }
      if (current.isEmpty()) {
        segStart = a;
        segEnd = b;
      }
      current.add(s);
      segEnd = Math.max(segEnd, b);
      tasks += s.runTimeMs().count();
    }
    segments.add(segment(profile, layout, current, segStart, segEnd));
    busy += segEnd - segStart;
    long observed = appEnd - appStart;
    return new Replayer(
        profile, layout, List.copyOf(segments), observed, Math.max(0, observed - busy), tasks);
  }

  private static Segment segment(
      ApplicationProfile profile, Layout layout, List<Stage> stages, long start, long end) {
    List<StageRun> runs = new ArrayList<>();
    for (Stage s : stages) {
      long first = millis(s.firstTaskLaunch().get());
      long submitted = s.submitted().map(Replayer::millis).orElse(first);
      runs.add(
          new StageRun(
              s,
              Math.max(0, Math.min(submitted, first) - start),
              first,
              millis(s.lastTaskFinish().get()),
              durations(s)));
    }
    runs.sort(Comparator.comparingLong(StageRun::submittedOffsetMillis));
    return new Segment(start, end, List.copyOf(runs), observedSlots(profile, layout, start, end));
  }

  /** Time-weighted mean of the live task slots over [start, end], at least 1. */
  static double observedSlots(ApplicationProfile profile, Layout layout, long start, long end) {
    List<ExecutorCount> timeline = profile.executorTimeline();
    int perExecutor = layout.slotsPerExecutor(layout.executorCores(), layout.gpusPerExecutor());
    if (timeline.isEmpty()) {
      return (double) layout.executors() * perExecutor;
    }
    double weighted = 0;
    long covered = 0;
    int executors = 0;
    int cores = 0;
    long t = start;
    for (ExecutorCount c : timeline) {
      long at = millis(c.time());
      if (at > t && t < end) {
        long until = Math.min(at, end);
        weighted += slots(layout, executors, cores, perExecutor) * (until - t);
        covered += until - t;
        t = until;
      }
      executors = c.executors();
      cores = c.cores();
    }
    if (t < end) {
      weighted += slots(layout, executors, cores, perExecutor) * (end - t);
      covered += end - t;
    }
    if (covered == 0) {
      return Math.max(1, slots(layout, executors, cores, perExecutor));
    }
    return Math.max(1, weighted / covered);
  }

  private static double slots(Layout layout, int executors, int cores, int gpuCapPerExecutor) {
    double cpuSlots = (double) cores / layout.taskCpus();
    return Math.min(cpuSlots, (double) executors * gpuCapPerExecutor);
  }

  /**
   * The replayed wall time in ms on a constant pool of slots.
   *
   * @param spec the target layout
   * @return driver time plus the simulated span of every segment
   */
  double simulate(ReplaySpec spec) {
    return simulate(spec, null);
  }

  /**
   * As {@link #simulate(ReplaySpec)}, with every stage's task times resampled with replacement when
   * {@code random} is given (one bootstrap replicate).
   */
  double simulate(ReplaySpec spec, SplittableRandom random) {
    return simulate(spec, null, random);
  }

  /**
   * The replayed wall time in ms; with {@code host} (executors sharing one host) every stage's task
   * times are first moved to the target's warm-up and core contention ({@link Host#taskTimes}) and
   * the driver time gains or loses the co-located executors' start-up ({@link Host#startupMillis}).
   */
  double simulate(ReplaySpec spec, Host host, SplittableRandom random) {
    int slots = slots(spec);
    double factor = durationFactor(spec);
    double total = driverMillis;
    if (host != null) {
      total =
          Math.max(
              0,
              total
                  + host.startupMillis() * (spec.executors() - layout.executors()) / host.cores());
    }
    int observedSlots =
        layout.executors()
            * layout.slotsPerExecutor(layout.executorCores(), layout.gpusPerExecutor());
    int parallelism = defaultParallelism(spec.executors(), spec.executorCores());
    for (Segment s : segments) {
      List<double[]> times = new ArrayList<>();
      for (StageRun run : s.stages()) {
        double[] d = run.durations();
        double[] t = new double[d.length];
        for (int i = 0; i < d.length; i++) {
          t[i] = random == null ? d[i] : d[random.nextInt(d.length)];
        }
        int count = sizedByDefaultParallelism(run) ? parallelism : t.length;
        if (host != null) {
          t = host.taskTimes(t, observedSlots, slots, count);
        } else if (count != t.length) {
          t = resplit(t, count);
        }
        for (int i = 0; i < t.length; i++) {
          t[i] *= factor;
        }
        times.add(t);
      }
      total += schedule(s, slots, times);
    }
    return total;
  }

  /**
   * Spark's default parallelism on {@code executors} × {@code executorCores} ({@link
   * SparkSemantics#defaultParallelism}), or 0 when the log sets {@code spark.default.parallelism}
   * or does not say its master: then no stage is re-split.
   */
  int defaultParallelism(int executors, int executorCores) {
    if (profile.sparkProperties().get("spark.default.parallelism").isPresent()) {
      return 0;
    }
    Optional<ClusterManager> manager = profile.master().flatMap(SparkSemantics::clusterManager);
    if (manager.isEmpty()) {
      return 0;
    }
    int slots = manager.get() == ClusterManager.LOCAL ? executorCores : executors * executorCores;
    return SparkSemantics.defaultParallelism(manager.get(), slots);
  }

  /**
   * Whether the stage's task count is the observed default parallelism: an RDD stage whose
   * partitions come from it (a shuffle or {@code parallelize} without a count) then has the
   * target's default parallelism as task count there.
   */
  boolean sizedByDefaultParallelism(StageRun run) {
    int observed = defaultParallelism(layout.executors(), layout.executorCores());
    return observed > 0 && run.durations().length == observed;
  }

  /**
   * The same work split into {@code count} tasks: the observed task times as a distribution (their
   * quantiles at {@code count} evenly spaced points), scaled so that their sum, the stage's total
   * task time, is kept.
   */
  static double[] resplit(double[] times, int count) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    double total = 0;
    for (double t : sorted) {
      total += t;
    }
    double[] out = new double[count];
    double sum = 0;
    for (int i = 0; i < count; i++) {
      double pos =
          count == 1 ? (sorted.length - 1) / 2.0 : (double) i / (count - 1) * (sorted.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(sorted.length - 1, lo + 1);
      out[i] = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
      sum += out[i];
    }
    for (int i = 0; i < count; i++) {
      out[i] = sum > 0 ? out[i] * total / sum : total / count;
    }
    return out;
  }

  /**
   * Cores one running task keeps busy at most: its own thread plus, while its JVM is still
   * compiling and collecting, the JIT-compiler and GC threads. Fitted on the harness's ETL scaling
   * logs ({@code local-cluster[1,1]} against {@code [2,1]} on a 2-core host: a task alone on the
   * host ran as fast as on 2 cores, two tasks at once each took about twice as long); on a 2-core
   * host any value of 2 or more fits them equally.
   */
  static final double TASK_CORES = 2;

  /**
   * A later task's time ÷ the first task's time on the same slot in the same stage (the JVM has
   * compiled the stage's code by then), used when the log has no stage with more tasks than slots
   * to measure it: the median over the stages of the harness's ETL logs on {@code
   * local-cluster[1,1]} (0.28 and 0.32 in the two runs).
   */
  static final double DEFAULT_WARM_RATIO = 0.3;

  /**
   * Executors sharing one host with {@code cores} cores, and what the log says about their JVMs.
   *
   * @param cores the host's logical cores
   * @param hostName the host the executors share
   * @param startupMillis one executor's start-up on an otherwise idle host: the mean time from the
   *     application's start to an executor being added, ÷ (1 + (executors − 1) ÷ cores), since each
   *     co-located executor started beside it shares the cores
   * @param addedMillis the mean time from the application's start to an executor being added
   * @param warmRatio later ÷ first task time on a slot within a stage (median over {@code
   *     warmStages} stages), or {@link #DEFAULT_WARM_RATIO} when {@code warmStages} is 0
   * @param warmStages stages of the log with more tasks than slots, which measured {@code
   *     warmRatio}
   */
  record Host(
      int cores,
      String hostName,
      double startupMillis,
      double addedMillis,
      double warmRatio,
      int warmStages) {

    /** Cores each of {@code busy} running tasks gets, at most {@link #TASK_CORES}. */
    double coresPerTask(int busy) {
      return Math.min(TASK_CORES, (double) cores / Math.max(1, busy));
    }

    /**
     * A stage's task times moved from {@code fromSlots} to {@code toSlots} slots on this host. The
     * first wave (one task per slot) runs on JVMs that have not yet compiled the stage's code; the
     * observed first wave is the longest {@code min(tasks, fromSlots)} times, the rest are later
     * waves. On the target the first {@code min(tasks, toSlots)} of them, longest first, run cold,
     * the rest at the warm ratio, and every task is stretched by the cores per running task
     * observed ÷ on the target. When the target splits the stage into {@code count} tasks instead
     * (a stage sized by the default parallelism), see {@link #resplitTaskTimes}.
     */
    double[] taskTimes(double[] times, int fromSlots, int toSlots, int count) {
      int n = times.length;
      if (n == 0) {
        return times;
      }
      double[] sorted = times.clone();
      Arrays.sort(sorted);
      reverse(sorted);
      int cold0 = Math.min(n, fromSlots);
      int cold1 = Math.min(n, toSlots);
      double coldMean = mean(sorted, 0, cold0);
      double ratio = n > cold0 && coldMean > 0 ? mean(sorted, cold0, n) / coldMean : warmRatio;
      // cold equivalents: the observed first wave as it ran, later waves ÷ the warm ratio
      double[] cold = new double[n];
      for (int i = 0; i < n; i++) {
        cold[i] = i < cold0 ? sorted[i] : ratio > 0 ? sorted[i] / ratio : coldMean;
      }
      if (count != n) {
        return resplitTaskTimes(cold, coldMean, ratio, cold0, toSlots, count);
      }
      double stretch = coresPerTask(cold0) / coresPerTask(cold1);
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = (i < cold1 ? cold[i] : cold[i] * ratio) * stretch;
      }
      return out;
    }

    /**
     * A stage re-split into {@code count} tasks on {@code toSlots} slots: the warm work of its cold
     * equivalents (each × the warm ratio, at most 1) is {@link #resplit re-split}; the first task
     * on each slot adds the observed first wave's mean warm-up ({@code coldMean} × (1 − ratio)),
     * which a smaller task does not shrink; every task is stretched by the cores per running task.
     */
    private double[] resplitTaskTimes(
        double[] cold, double coldMean, double ratio, int cold0, int toSlots, int count) {
      double r = Math.min(1, Math.max(0, ratio));
      double[] warm = new double[cold.length];
      for (int i = 0; i < cold.length; i++) {
        warm[i] = cold[i] * r;
      }
      double[] split = resplit(warm, count);
      reverse(split);
      int cold1 = Math.min(count, toSlots);
      double warmUp = coldMean * (1 - r);
      double stretch = coresPerTask(cold0) / coresPerTask(cold1);
      for (int i = 0; i < count; i++) {
        split[i] = (split[i] + (i < cold1 ? warmUp : 0)) * stretch;
      }
      return split;
    }

    private static double mean(double[] xs, int from, int to) {
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += xs[i];
      }
      return to > from ? sum / (to - from) : 0;
    }

    private static void reverse(double[] xs) {
      for (int i = 0, j = xs.length - 1; i < j; i++, j--) {
        double t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
      }
    }
  }

  /**
   * The host model of this log on a host of {@code cores} cores; empty when its executors ran on
   * more than one host (each then brings its own cores, as the plain replay assumes).
   */
  Optional<Host> host(int cores) {
    List<ApplicationProfile.Executor> executors = new ArrayList<>();
    for (ApplicationProfile.Executor e : profile.executors()) {
      if (!e.id().equals("driver")) {
        executors.add(e);
      }
    }
    if (executors.isEmpty()
        || executors.stream().map(ApplicationProfile.Executor::host).distinct().count() != 1) {
      return Optional.empty();
    }
    double added = 0;
    int timed = 0;
    if (profile.startTime().isPresent()) {
      long start = millis(profile.startTime().get());
      for (ApplicationProfile.Executor e : executors) {
        if (e.added().isPresent()) {
          added += Math.max(0, millis(e.added().get()) - start);
          timed++;
        }
      }
    }
    added = timed > 0 ? added / timed : 0;
    double startup = added / (1 + (layout.executors() - 1) / (double) cores);
    int observedSlots =
        layout.executors()
            * layout.slotsPerExecutor(layout.executorCores(), layout.gpusPerExecutor());
    List<Double> ratios = new ArrayList<>();
    for (Segment s : segments) {
      for (StageRun run : s.stages()) {
        double[] d = run.durations().clone();
        if (d.length > observedSlots) {
          Arrays.sort(d);
          double cold = 0;
          double warm = 0;
          for (int i = 0; i < d.length; i++) {
            if (i >= d.length - observedSlots) {
              cold += d[i];
            } else {
              warm += d[i];
            }
          }
          cold /= observedSlots;
          warm /= d.length - observedSlots;
          if (cold > 0) {
            ratios.add(warm / cold);
          }
        }
      }
    }
    double ratio = DEFAULT_WARM_RATIO;
    if (!ratios.isEmpty()) {
      ratio =
          Ernest.quantile(ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
    }
    return Optional.of(
        new Host(cores, executors.get(0).host(), startup, added, ratio, ratios.size()));
  }

  int slots(ReplaySpec spec) {
    return spec.executors() * layout.slotsPerExecutor(spec.executorCores(), spec.gpusPerExecutor());
  }

  /** Replicates of a bootstrap over the recorded task times. */
  static final int BOOTSTRAP = 100;

  /** Coverage of the replay interval. */
  static final double LEVEL = 0.8;

  /**
   * An interval around the replayed time on {@code spec}: the 10th and 90th percentiles of {@value
   * #BOOTSTRAP} replays with resampled task times, widened on both sides by this log's own
   * reproduction error; with {@code host}, on the host model.
   */
  Interval interval(ReplaySpec spec, Host host, double predicted, double reproductionError) {
    SplittableRandom random = new SplittableRandom(0x5EED_5CA1EL);
    double[] replicates = new double[BOOTSTRAP];
    for (int k = 0; k < BOOTSTRAP; k++) {
      replicates[k] = simulate(spec, host, random);
    }
    Arrays.sort(replicates);
    double e = Math.abs(reproductionError);
    double low = Math.min(predicted, Ernest.quantile(replicates, (1 - LEVEL) / 2)) * (1 - e);
    double high = Math.max(predicted, Ernest.quantile(replicates, 1 - (1 - LEVEL) / 2)) * (1 + e);
    return new Interval(Math.max(0, Math.round(low)), Math.max(0, Math.round(high)), LEVEL);
  }

  /** The replayed wall time in ms with each segment on the slots observed during it. */
  double simulateObserved() {
    double total = driverMillis;
    for (Segment s : segments) {
      List<double[]> times = new ArrayList<>();
      for (StageRun run : s.stages()) {
        times.add(run.durations());
      }
      total += schedule(s, (int) Math.max(1, Math.round(s.observedSlots())), times);
    }
    return total;
  }

  /** Duration multiplier of the target's GPU contention against the observed one. */
  double durationFactor(ReplaySpec spec) {
    int slots0 = layout.slotsPerExecutor(layout.executorCores(), layout.gpusPerExecutor());
    int slots1 = layout.slotsPerExecutor(spec.executorCores(), spec.gpusPerExecutor());
    return layout.gpuContention(slots1, spec.gpusPerExecutor(), spec.concurrentGpuTasks())
        / layout.gpuContention(slots0, layout.gpusPerExecutor(), layout.concurrentGpuTasks());
  }

  /**
   * The segment's makespan in ms on {@code slots} slots, each stage's tasks taking {@code times}
   * (one array per stage attempt, in the segment's order).
   */
  static double schedule(Segment segment, int slots, List<double[]> times) {
    PriorityQueue<double[]> free = new PriorityQueue<>(Comparator.comparingDouble(a -> a[0]));
    long tasks = 0;
    for (double[] t : times) {
      tasks += t.length;
    }
    // slots beyond the segment's task count would never be used
    long used = Math.max(1, Math.min(slots, tasks));
    for (long i = 0; i < used; i++) {
      free.add(new double[] {0});
    }
    Map<Integer, double[]> finished = new HashMap<>();
    double makespan = 0;
    for (int r = 0; r < segment.stages().size(); r++) {
      StageRun run = segment.stages().get(r);
      double release = run.submittedOffsetMillis();
      boolean parentInside = false;
      double parentRelease = 0;
      for (int parent : run.stage().parentIds()) {
        double[] pf = finished.get(parent);
        if (pf != null) {
          parentInside = true;
          double gap = Math.max(0, run.firstLaunchMillis() - pf[1]);
          parentRelease = Math.max(parentRelease, pf[0] + gap);
        }
      }
      if (parentInside) {
        release = parentRelease;
      }
      double end = release;
      for (double d : times.get(r)) {
        double[] slot = free.poll();
        double start = Math.max(slot[0], release);
        slot[0] = start + d;
        end = Math.max(end, slot[0]);
        free.add(slot);
      }
      finished.merge(
          run.stage().id(),
          new double[] {end, run.lastFinishMillis()},
          (a, b) -> a[0] >= b[0] ? a : b);
      makespan = Math.max(makespan, end);
    }
    return makespan;
  }

  /**
   * A stage's task slot times in ms: the run times (all of them when the sample holds every task,
   * else the sample expanded to the task count by quantiles, keeping the exact maximum and sum, in
   * a fixed pseudo-random order, since tasks do not finish in length order) plus the stage's mean
   * per-task overhead.
   */
  static double[] durations(Stage s) {
    double[] run = runTimes(s);
    double overhead = overheadMillis(s);
    for (int i = 0; i < run.length; i++) {
      run[i] += overhead;
    }
    return run;
  }

  /**
   * The mean time a task of the stage held its slot beyond its executor run time (scheduler delay,
   * deserialisation, result serialisation and fetching), ms, 0 or more.
   */
  static double overheadMillis(Stage s) {
    ApplicationProfile.Distribution wall = s.wallTimeMs();
    ApplicationProfile.Distribution run = s.runTimeMs();
    if (wall.count() == 0 || run.count() == 0) {
      return 0;
    }
    return Math.max(0, (double) wall.sum() / wall.count() - (double) run.sum() / run.count());
  }

  private static double[] runTimes(Stage s) {
    int n = (int) s.runTimeMs().count();
    List<Long> sample = s.runTimeSampleMs();
    if (sample.size() >= n) {
      return sample.stream().mapToDouble(Long::doubleValue).limit(n).toArray();
    }
    double[] sorted = sample.stream().mapToDouble(Long::doubleValue).sorted().toArray();
    double[] values = new double[n];
    if (sorted.length == 0) {
      Arrays.fill(values, (double) s.runTimeMs().sum() / n);
      return values;
    }
    for (int i = 0; i < n; i++) {
      double pos = (i + 0.5) / n * (sorted.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(sorted.length - 1, lo + 1);
      values[i] = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
    double max = s.runTimeMs().max();
    values[n - 1] = max;
    double rest = 0;
    for (int i = 0; i < n - 1; i++) {
      rest += values[i];
    }
    double target = Math.max(0, s.runTimeMs().sum() - max);
    if (rest > 0) {
      double scale = target / rest;
      for (int i = 0; i < n - 1; i++) {
        values[i] = Math.min(max, values[i] * scale);
      }
    }
    SplittableRandom random = new SplittableRandom(31L * s.id() + s.attempt());
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
    return values;
  }

  static Layout layout(ApplicationProfile p) {
    SparkConfig conf = p.sparkProperties();
    boolean local =
        p.master().flatMap(SparkSemantics::clusterManager).orElse(null) == ClusterManager.LOCAL;
    Map<Integer, Integer> coreCounts = new HashMap<>();
    int gpus = 0;
    for (ApplicationProfile.Executor e : p.executors()) {
      if (local || !e.id().equals("driver")) {
        coreCounts.merge(e.totalCores(), 1, Integer::sum);
        gpus = Math.max(gpus, e.gpuCount());
      }
    }
    int cores =
        coreCounts.entrySet().stream()
            .max(
                Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .orElseGet(() -> intSetting(conf, "spark.executor.cores", 1));
    int executors = 0;
    for (ExecutorCount c : p.executorTimeline()) {
      executors = Math.max(executors, c.executors());
    }
    if (executors == 0) {
      executors = Math.max(1, intSetting(conf, "spark.executor.instances", 1));
    }
    boolean gpuJob = !p.gpuOperatorNames().isEmpty();
    if (gpuJob && gpus == 0) {
      gpus = (int) Math.round(doubleSetting(conf, "spark.executor.resource.gpu.amount", 1));
    }
    int taskCpus = Math.max(1, intSetting(conf, "spark.task.cpus", 1));
    double taskGpus = doubleSetting(conf, "spark.task.resource.gpu.amount", 0);
    int concurrent =
        Math.max(
            1,
            intSetting(conf, "spark.rapids.sql.concurrentGpuTasks", DEFAULT_CONCURRENT_GPU_TASKS));
    return new Layout(
        executors, Math.max(1, cores), taskCpus, gpuJob ? gpus : 0, taskGpus, concurrent, gpuJob);
  }

  /**
   * A setting that must be a whole number of 1 or more, or the fallback when it is not set.
   *
   * @throws ModelsException if the setting is set but is not a whole number of 1 or more
   */
  /** Spark's default for a whole-number key in the newest Spark ({@link SparkSemantics}). */
  static int sparkDefault(String key) {
    return Integer.parseInt(
        SparkSemantics.defaultValue(key, SparkVersion.NEWEST)
            .orElseThrow(() -> new ModelsException(key + " has no default in Spark's registry")));
  }

  static int positiveSetting(SparkConfig conf, String key, int fallback) {
    Optional<String> v = conf.get(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.get().trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ModelsException(
        String.format(
            Locale.ROOT, "%s is '%s'; expected a whole number of 1 or more", key, v.get()));
  }

  static int intSetting(SparkConfig conf, String key, int fallback) {
    Optional<String> v = conf.get(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.get().trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static double doubleSetting(SparkConfig conf, String key, double fallback) {
    Optional<String> v = conf.get(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.get().trim());
      return Double.isFinite(d) && d >= 0 ? d : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static long millis(Instant t) {
    return t.toEpochMilli();
  }
}
