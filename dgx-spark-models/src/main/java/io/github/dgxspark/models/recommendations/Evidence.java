package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.perf.Bottleneck;
import io.github.dgxspark.models.perf.BottleneckKind;
import io.github.dgxspark.models.perf.BottleneckReport;
import io.github.dgxspark.models.perf.BottleneckSeverity;
import io.github.dgxspark.models.perf.PerformanceModels;
import io.github.dgxspark.models.perf.ReplayResult;
import io.github.dgxspark.models.perf.ReplaySpec;
import io.github.dgxspark.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recommendations from the bottlenecks {@code BottleneckDetector} finds in an event log (the one
 * detector; its thresholds are Dr. Elephant's and Sparklens'): GPU out-of-memory, spill, executor
 * loss and fetch failures, GC, skew, and idle executors, each fix sized from the log's measured
 * numbers.
 */
final class Evidence {

  /** Spark's reserved heap (apache/spark UnifiedMemoryManager.RESERVED_SYSTEM_MEMORY_BYTES). */
  static final long RESERVED_HEAP_BYTES = 300 * ByteSizes.MIB;

  static final String DR_ELEPHANT =
      "linkedin/dr-elephant Spark heuristics (GC, spill, skew, failure thresholds)";
  static final String LOG_SOURCE = "measured metrics of this event log";

  /**
   * State partitions per task slot above which a stateful stream is over-partitioned: four times
   * the two per slot the optimizer plans (a project choice, so that only a clear excess is flagged;
   * Spark's default 200 on fewer than 25 slots is one).
   */
  static final int STREAMING_STATE_PARTITIONS_PER_SLOT = 8;

  private final ApplicationProfile profile;
  private final BottleneckReport report;
  private final SparkConfig config;
  private final Filters filters;

  Evidence(
      ApplicationProfile profile, BottleneckReport report, SparkConfig config, Filters filters) {
    this.profile = profile;
    this.report = report;
    this.config = config;
    this.filters = filters;
  }

  /**
   * What an expert reads in a GPU application's log, whether or not a config change fixes it: GPU
   * out-of-memory with the pool, concurrency and split behind it, operators that stayed on the CPU
   * with their share of SQL time, and a RAPIDS shuffle setting without its shuffle manager.
   */
  List<String> diagnoses() {
    if (!filters.rapids()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    gpuOutOfMemoryDiagnosis().ifPresent(out::add);
    hostSpillDiagnosis().ifPresent(out::add);
    GpuFallbacks.of(profile).diagnosis().ifPresent(out::add);
    shuffleManagerDiagnosis().ifPresent(out::add);
    return out;
  }

  List<Candidate> candidates() {
    List<Candidate> out = new ArrayList<>();
    for (Bottleneck b : report.bottlenecks()) {
      switch (b.kind()) {
        case GPU_OUT_OF_MEMORY -> gpuOutOfMemory(out);
        case SPILL -> {
          scanSpill(out);
          shuffleSpill(out);
        }
        case EXECUTOR_LOSS -> executorLoss(out);
        case FETCH_FAILURES -> shuffleService(out);
        case GC -> gc(b, out);
        case TASK_SKEW -> skew(b, out);
        case IDLE_EXECUTORS -> idleExecutors(b, out);
        default -> {
          // no config change fixes it on its own (shuffle- or input-bound, driver-bound) or the
          // rule book and optimizer own it (partition counts)
        }
      }
    }
    streamingState(out);
    return out;
  }

  /**
   * A stateful streaming query whose state is split into far more partitions than there are task
   * slots: every micro-batch then runs that many state-store tasks, each loading, updating and
   * committing its part of the state. The real-Spark harness measured 200 (Spark's default) → 4
   * partitions making an 8-batch stateful stream 8x faster on 2 cores (83.3 s → 10.2 s, the two
   * logs under {@code data/eventlogs/harness-spark-4.1.3/streaming-s16}).
   */
  private void streamingState(List<Candidate> out) {
    ApplicationProfile.Streaming st = profile.streaming();
    int slots = profile.executorTimeline().stream().mapToInt(c -> c.cores()).max().orElse(0);
    if (st.stateShufflePartitions() == 0 || slots == 0) {
      return;
    }
    if (st.stateShufflePartitions() <= STREAMING_STATE_PARTITIONS_PER_SLOT * slots) {
      return;
    }
    int proposed = 2 * slots;
    out.add(
        new Candidate(
            "Fewer state partitions for the streaming query",
            Map.of("spark.sql.shuffle.partitions", Integer.toString(proposed)),
            String.format(
                Locale.ROOT,
                "The stateful query keeps its state in %d partitions on %d task slots, so each of"
                    + " its %d micro-batches (%.1f s each on average) ran %d state-store tasks;"
                    + " two per slot keep every slot busy. Spark fixes the state partitions in the"
                    + " checkpoint at the query's first start: the change takes effect only with"
                    + " a new checkpoint location.",
                st.stateShufflePartitions(),
                slots,
                st.microBatches(),
                st.triggerExecutionMs() / 1000.0 / Math.max(1, st.microBatches()),
                st.stateShufflePartitions()),
            "Apache Spark Structured Streaming Programming Guide (state store; shuffle partitions"
                + " cannot change between restarts from the same checkpoint); dgx-spark harness"
                + " (200 → 4 partitions: 8x faster); "
                + LOG_SOURCE,
            Candidate.Origin.LOG,
            Severity.WARNING,
            "The micro-batch duration (triggerExecution in the query progress) should drop; the"
                + " state operator's numShufflePartitions shows the new count."));
  }

  /**
   * The share of wall time below which a bottleneck is not worth a change: the smallest change 30
   * runs of each arm can tell from run-to-run noise at the published cv ({@link
   * RunVariance#PUBLISHED_CV}, about 2.7 %); even removing all of it could not be seen.
   */
  static double immaterialShare() {
    return AbTests.smallestDetectable(
        RunVariance.PUBLISHED_CV, PowerCalculation.ALPHA, PowerCalculation.POWER);
  }

  /** A garbage collector chosen on the command line, e.g. {@code -XX:+UseParallelGC}. */
  static final Pattern CHOSEN_COLLECTOR = Pattern.compile("-XX:\\+Use[A-Za-z0-9]*GC\\b");

  /**
   * The Java feature release of a {@code Java Version} text: {@code 1.8.0_292 (Private Build)} is
   * 8, {@code 17.0.18 (Ubuntu)} is 17; 0 when the text is not a Java version.
   */
  static int javaMajor(String version) {
    Matcher m = Pattern.compile("^(?:1\\.)?([0-9]+)").matcher(version.trim());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** Whether a finding is at least as severe as a level. */
  private static boolean atLeast(Bottleneck b, BottleneckSeverity level) {
    return b.severity().compareTo(level) <= 0;
  }

  static final String ALLOC_FRACTION = "spark.rapids.memory.gpu.allocFraction";
  static final String MAX_ALLOC_FRACTION = "spark.rapids.memory.gpu.maxAllocFraction";
  static final String CONCURRENT_GPU_TASKS = "spark.rapids.sql.concurrentGpuTasks";

  /**
   * An RMM pool held under this fraction of the GPU's memory by {@code allocFraction} or {@code
   * maxAllocFraction} is named as the first cause of a GPU out-of-memory: the plugin's defaults
   * give the pool the whole GPU (RapidsConf.scala, NVIDIA/spark-rapids), and half is a project
   * choice so that only a clear cap is flagged.
   */
  static final double CAPPED_POOL_FRACTION = 0.5;

  /** The smaller of allocFraction and maxAllocFraction when it holds the pool under the cap. */
  private Optional<Double> poolCap() {
    double cap =
        Math.min(number(ALLOC_FRACTION).orElse(1.0), number(MAX_ALLOC_FRACTION).orElse(1.0));
    return cap < CAPPED_POOL_FRACTION ? Optional.of(cap) : Optional.empty();
  }

  private Optional<Integer> concurrentGpuTasks() {
    return filters.effective(CONCURRENT_GPU_TASKS).value().map(v -> intOr(v, 0)).filter(n -> n > 0);
  }

  private List<ApplicationProfile.Stage> gpuOomStages() {
    return profile.stages().stream().filter(s -> s.failedTasks() > 0).toList();
  }

  private String oomExample() {
    return profile.failures().examples().stream()
        .filter(e -> e.contains("OutOfMemory") || e.contains("OOM") || e.contains("out of memory"))
        .findFirst()
        .map(e -> " (e.g. '" + (e.length() > 160 ? e.substring(0, 160) + "...'" : e + "'") + ")")
        .orElse("");
  }

  private String poolText() {
    return String.format(
        Locale.ROOT,
        "the RMM pool starts at allocFraction %s and is capped at maxAllocFraction %s of the GPU's"
            + " memory%s",
        filters.effective(ALLOC_FRACTION).value().orElse("(unknown)"),
        filters.effective(MAX_ALLOC_FRACTION).value().orElse("(unknown)"),
        concurrentGpuTasks()
            .map(
                n ->
                    String.format(
                        Locale.ROOT,
                        ", shared by %d concurrent GPU tasks (at most %.1f %% of the GPU each)",
                        n,
                        100 * number(MAX_ALLOC_FRACTION).orElse(1.0) / n))
            .orElse(""));
  }

  private Optional<String> gpuOutOfMemoryDiagnosis() {
    int oom = profile.failures().gpuOutOfMemoryTasks();
    if (oom == 0) {
      return Optional.empty();
    }
    List<ApplicationProfile.Stage> stages = gpuOomStages();
    long maxInput = stages.stream().mapToLong(s -> s.inputBytes().max()).max().orElse(0);
    String cause =
        poolCap().isPresent()
            ? " The pool cap, not the data, is the first cause: the plugin's default pool is the"
                + " whole GPU."
            : "";
    return Optional.of(
        String.format(
            Locale.ROOT,
            "GPU out-of-memory: %d task(s) failed in stage(s) %s%s%s; %s.%s%s",
            oom,
            stages.stream().map(s -> Integer.toString(s.id())).distinct().toList(),
            profile.failures().failedJobs() > 0
                ? String.format(
                    Locale.ROOT, " and %d job(s) failed", profile.failures().failedJobs())
                : "",
            oomExample(),
            poolText(),
            maxInput > 0
                ? String.format(
                    Locale.ROOT,
                    " The failing stages' tasks read up to %s of input each (maxPartitionBytes %s).",
                    ByteSizes.human(maxInput),
                    filters.effective(Filters.MAX_PARTITION_BYTES).value().orElse("(unknown)"))
                : "",
            cause));
  }

  private void gpuOutOfMemory(List<Candidate> out) {
    int oom = profile.failures().gpuOutOfMemoryTasks();
    String failed =
        profile.failures().failedJobs() > 0
            ? String.format(Locale.ROOT, " and %d job(s) failed", profile.failures().failedJobs())
            : "";
    Optional<Double> cap = poolCap();
    if (cap.isPresent()) {
      Map<String, String> values = new java.util.TreeMap<>();
      for (String key : List.of(ALLOC_FRACTION, MAX_ALLOC_FRACTION)) {
        Optional<String> d = filters.rapidsDefault(key);
        if (number(key).orElse(1.0) < CAPPED_POOL_FRACTION && d.isPresent()) {
          values.put(key, d.get());
        }
      }
      if (!values.isEmpty()) {
        out.add(
            new Candidate(
                "Let the GPU memory pool use the GPU",
                values,
                String.format(
                    Locale.ROOT,
                    "%d task(s) failed with GPU out-of-memory%s%s: %s. Restoring the plugin's"
                        + " default fractions%s lets the pool grow to the whole GPU (less the"
                        + " reserve) before tasks must spill or split.",
                    oom,
                    failed,
                    oomExample(),
                    poolText(),
                    filters.rapidsVersion().map(v -> " (of release " + v + ")").orElse("")),
                "NVIDIA spark-rapids RapidsConf.scala (spark.rapids.memory.gpu.allocFraction and"
                    + " maxAllocFraction, default 1); "
                    + LOG_SOURCE,
                Candidate.Origin.LOG,
                Severity.ERROR,
                "GPU out-of-memory and split-and-retry counts in the executor logs should fall to"
                    + " zero; nvidia-smi shows the pool taking most of the GPU's memory."));
      }
    }
    long maxInput = gpuOomStages().stream().mapToLong(s -> s.inputBytes().max()).max().orElse(0);
    if (maxInput > 0) {
      long target = Math.max(ByteSizes.floorTo(maxInput / 2, ByteSizes.MIB), 16 * ByteSizes.MIB);
      out.add(
          new Candidate(
              "Read smaller input partitions on the GPU",
              Map.of(Filters.MAX_PARTITION_BYTES, ByteSizes.format(target)),
              String.format(
                  Locale.ROOT,
                  "%d task(s) failed with GPU out-of-memory%s; the failing stages' tasks read up to"
                      + " %s each (maxPartitionBytes %s). Splits of at most half that give each"
                      + " task a smaller batch; the AutoTuner also halves the setting after a GPU"
                      + " OOM in a scan.",
                  oom,
                  failed,
                  ByteSizes.human(maxInput),
                  filters.effective(Filters.MAX_PARTITION_BYTES).value().orElse("(unknown)")),
              "NVIDIA spark-rapids-tools AutoTuner (maxPartitionBytes after GPU OOM); "
                  + LOG_SOURCE,
              Candidate.Origin.LOG,
              Severity.ERROR,
              "GPU out-of-memory and split-and-retry counts in the executor logs, and the number of"
                  + " scan tasks, which grows as partitions shrink."));
    }
    Optional<Integer> concurrent = concurrentGpuTasks();
    if (cap.isEmpty() && concurrent.isPresent() && concurrent.get() > 1) {
      out.add(
          new Candidate(
              "Let fewer tasks share the GPU",
              Map.of(CONCURRENT_GPU_TASKS, Integer.toString(concurrent.get() / 2)),
              String.format(
                  Locale.ROOT,
                  "%d task(s) failed with GPU out-of-memory%s while %d tasks shared each GPU and"
                      + " the pool had the GPU's memory (%s); halving the concurrent GPU tasks"
                      + " doubles the GPU memory each task can use (the tuning guide's 2-4 range"
                      + " trades memory for overlap).",
                  oom,
                  oomExample(),
                  concurrent.get(),
                  poolText()),
              "RAPIDS Accelerator Tuning Guide (concurrentGpuTasks); " + LOG_SOURCE,
              Candidate.Origin.LOG,
              Severity.ERROR,
              "GPU utilisation (nvidia-smi) may drop a little; out-of-memory retries should stop."));
    }
  }

  /**
   * GPU data spilled to host memory: the RAPIDS plugin counts its device-to-host spill in Spark's
   * {@code memoryBytesSpilled} task metric (NVIDIA/spark-rapids, {@code
   * TrampolineUtil.incTaskMetricsMemoryBytesSpilled} in the spill framework) and spill to disk in
   * {@code diskBytesSpilled}.
   */
  private Optional<String> hostSpillDiagnosis() {
    long memory = profile.totals().memoryBytesSpilled();
    long disk = profile.totals().diskBytesSpilled();
    if (memory + disk == 0) {
      return Optional.empty();
    }
    Optional<Bottleneck> spill =
        report.bottlenecks().stream().filter(b -> b.kind() == BottleneckKind.SPILL).findFirst();
    return Optional.of(
        String.format(
            Locale.ROOT,
            "Host spill: GPU tasks spilled %s to host memory%s (the RAPIDS plugin counts GPU-to-host"
                + " spill in Spark's memoryBytesSpilled)%s.%s",
            ByteSizes.human(memory),
            disk > 0 ? " and " + ByteSizes.human(disk) + " to disk" : "",
            spill
                .flatMap(
                    b ->
                        b.wallTimeFraction().isPresent()
                            ? Optional.of(b.wallTimeFraction().getAsDouble())
                            : Optional.empty())
                .map(
                    f ->
                        String.format(
                            Locale.ROOT,
                            "; the stages that spilled ran %.0f %% of wall time",
                            100 * f))
                .orElse(""),
            poolCap().isPresent()
                ? String.format(
                    Locale.ROOT,
                    " The pool capped at maxAllocFraction %s forces it: a pool of the whole GPU keeps"
                        + " more batches on the device.",
                    filters.effective(MAX_ALLOC_FRACTION).value().orElse("(unknown)"))
                : ""));
  }

  /**
   * A RAPIDS shuffle setting the shuffle manager does not honour: {@code spark.rapids.shuffle.mode}
   * acts only when {@code spark.shuffle.manager} is the RAPIDS shuffle manager built for the
   * application's Spark version, and a manager built for another version is not that one.
   */
  private Optional<String> shuffleManagerDiagnosis() {
    Optional<String> manager = config.get("spark.shuffle.manager").map(String::trim);
    Optional<String> mode = config.get("spark.rapids.shuffle.mode").map(String::trim);
    boolean rapidsManager = manager.filter(m -> m.contains("RapidsShuffleManager")).isPresent();
    if (filters.rapidsShuffleManagerActive()) {
      return Optional.empty();
    }
    if (rapidsManager) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "Shuffle manager not active: spark.shuffle.manager is %s, but the RAPIDS shuffle"
                  + " manager for Spark %s is com.nvidia.spark.rapids.spark%d%d%d"
                  + ".RapidsShuffleManager (one class per Spark build); shuffles do not use the"
                  + " RAPIDS shuffle%s.",
              manager.get(),
              profile.sparkVersion().orElse("(unknown)"),
              filters.version().major(),
              filters.version().minor(),
              filters.version().patch(),
              mode.map(m -> " (spark.rapids.shuffle.mode " + m + ")").orElse("")));
    }
    if (mode.isPresent() && profile.totals().shuffleWriteBytes() > 0) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "Shuffle manager not active: spark.rapids.shuffle.mode is %s, but spark.shuffle.manager"
                  + " is %s, so the setting has no effect and the %s of shuffle went through"
                  + " Spark's own shuffle.",
              mode.get(),
              manager.orElse("Spark's default (sort)"),
              ByteSizes.human(profile.totals().shuffleWriteBytes())));
    }
    return Optional.empty();
  }

  /** Spill in stages that read input but no shuffle: the input partitions are too large. */
  private void scanSpill(List<Candidate> out) {
    if (profile.failures().gpuOutOfMemoryTasks() > 0) {
      return; // the GPU OOM candidate already shrinks the input partitions
    }
    long spilled = 0;
    long maxInput = 0;
    for (ApplicationProfile.Stage s : profile.stages()) {
      long sp = s.memoryBytesSpilled().sum() + s.diskBytesSpilled().sum();
      if (sp > 0 && s.inputBytes().sum() > 0 && s.shuffleReadBytes().sum() == 0) {
        spilled += sp;
        maxInput = Math.max(maxInput, s.inputBytes().max());
      }
    }
    if (spilled == 0 || maxInput == 0) {
      return;
    }
    long current = bytes("spark.sql.files.maxPartitionBytes").orElse(128 * ByteSizes.MIB);
    long target =
        Math.max(
            ByteSizes.floorTo(Math.min(current, maxInput) / 2, ByteSizes.MIB), 16 * ByteSizes.MIB);
    if (target >= current) {
      return;
    }
    out.add(
        new Candidate(
            "Read smaller input partitions",
            Map.of("spark.sql.files.maxPartitionBytes", ByteSizes.format(target)),
            String.format(
                Locale.ROOT,
                "Scan stages spilled %s while reading up to %s per task; halving the input"
                    + " partitions halves each task's working set.",
                ByteSizes.human(spilled),
                ByteSizes.human(maxInput)),
            "NVIDIA spark-rapids-tools issue #1727 (smaller maxPartitionBytes on spill); "
                + LOG_SOURCE,
            Candidate.Origin.LOG,
            Severity.WARNING,
            "Spill (memory and disk) per stage in the Spark UI; more, shorter scan tasks."));
  }

  /**
   * Spill in stages that read shuffle data: more shuffle partitions, sized so the largest task's
   * working set fits its share of execution memory, unless the stage is skewed.
   */
  private void shuffleSpill(List<Candidate> out) {
    ApplicationProfile.Stage worst = null;
    long spilled = 0;
    for (ApplicationProfile.Stage s : profile.stages()) {
      long sp = s.memoryBytesSpilled().sum() + s.diskBytesSpilled().sum();
      if (sp > 0 && s.shuffleReadBytes().sum() > 0) {
        spilled += sp;
        if (worst == null
            || sp > worst.memoryBytesSpilled().sum() + worst.diskBytesSpilled().sum()) {
          worst = s;
        }
      }
    }
    if (worst == null) {
      return;
    }
    boolean skewed =
        worst.shuffleReadBytes().max()
                > 3 * Math.max(1, worst.shuffleReadBytes().sum() / Math.max(1, worst.tasks()))
            && worst.shuffleReadBytes().max() > 100L * 1000 * 1000;
    if (skewed) {
      out.add(
          new Candidate(
              "Split skewed shuffle partitions instead of adding partitions",
              Map.of(
                  "spark.sql.adaptive.enabled", "true",
                  "spark.sql.adaptive.skewJoin.enabled", "true"),
              String.format(
                  Locale.ROOT,
                  "Stage %d spilled %s but one task read %s of shuffle data, more than 3x the"
                      + " stage's mean: more partitions would not split the hot key; AQE's skew"
                      + " join does.",
                  worst.id(),
                  ByteSizes.human(spilled),
                  ByteSizes.human(worst.shuffleReadBytes().max())),
              "NVIDIA spark-rapids-tools AutoTuner (skew: increasing partitions will not help); "
                  + LOG_SOURCE,
              Candidate.Origin.LOG,
              Severity.WARNING,
              "The skew join's split partitions in the SQL plan (AQEShuffleRead skewed)."));
      return;
    }
    int partitions = (int) number("spark.sql.shuffle.partitions").orElse(200);
    TaskMemory memory = taskMemory();
    double perTask = Math.max(1, memory.bytes());
    long spilledPerTask =
        Math.max(
            worst.memoryBytesSpilled().p95(),
            worst.memoryBytesSpilled().sum() / Math.max(1, worst.tasks()));
    double factor = Math.max(1.5, Math.min(8, (perTask + spilledPerTask) / perTask));
    String spillText =
        String.format(
            Locale.ROOT,
            "Stage %d spilled %s (%s per task at the 95th percentile) against about %s of"
                + " execution memory per task (%s)",
            worst.id(),
            ByteSizes.human(spilled),
            ByteSizes.human(spilledPerTask),
            ByteSizes.human((long) perTask),
            memory.how());
    String watch =
        "Spill per stage should fall to zero; if it does not, the executors need more memory"
            + " per core (fewer cores or a larger heap).";
    String source =
        "Apache Spark Tuning Guide (memory usage of reduce tasks); "
            + DR_ELEPHANT
            + "; "
            + LOG_SOURCE;
    if (coalescedByAqe(worst, partitions)) {
      aqeShuffleSpill(out, worst, partitions, factor, spillText, source, watch);
      return;
    }
    long proposed = (long) Math.ceil(partitions * factor);
    out.add(
        new Candidate(
            "Use more shuffle partitions",
            Map.of("spark.sql.shuffle.partitions", Long.toString(proposed)),
            String.format(
                Locale.ROOT,
                "%s; %.1fx the partitions gives each task a working set that fits.",
                spillText,
                factor),
            source,
            Candidate.Origin.LOG,
            Severity.WARNING,
            watch));
  }

  /**
   * Whether AQE chose the spilling stage's task count: adaptive execution and its partition
   * coalescing are in effect for the application's Spark version and the stage ran fewer tasks than
   * {@code spark.sql.shuffle.partitions}.
   */
  private boolean coalescedByAqe(ApplicationProfile.Stage stage, int partitions) {
    return flag("spark.sql.adaptive.enabled")
        && flag("spark.sql.adaptive.coalescePartitions.enabled")
        && stage.tasks() < partitions;
  }

  /**
   * Spill in a stage whose partitions AQE coalesced. Spark's {@code
   * ShufflePartitionsUtil.coalescePartitions} merges adjacent shuffle partitions up to {@code
   * min(shuffle bytes / minNumPartitions, advisoryPartitionSizeInBytes)}, never below {@code
   * coalescePartitions.minPartitionSize}, and never splits one (apache/spark v3.5.1
   * sql/core/src/main/scala/org/apache/spark/sql/execution/adaptive/ShufflePartitionsUtil.scala,
   * {@code coalescePartitions}; minNumPartitions is the default parallelism while {@code
   * coalescePartitions.parallelismFirst} is true, CoalesceShufflePartitions.scala). More shuffle
   * partitions alone are merged back to the same size; a smaller advisory size caps the merged
   * tasks, with enough shuffle partitions that none starts larger.
   */
  private void aqeShuffleSpill(
      List<Candidate> out,
      ApplicationProfile.Stage worst,
      int partitions,
      double factor,
      String spillText,
      String source,
      String watch) {
    long read = worst.shuffleReadBytes().sum();
    long readPerTask = read / Math.max(1, worst.tasks());
    long floor =
        Math.max(
            ByteSizes.MIB,
            bytes("spark.sql.adaptive.coalescePartitions.minPartitionSize").orElse(ByteSizes.MIB));
    Optional<Long> advisoryInEffect = bytes("spark.sql.adaptive.advisoryPartitionSizeInBytes");
    if (advisoryInEffect.isEmpty()) {
      return; // the key is missing from the application's Spark version
    }
    long advisoryNow = advisoryInEffect.get();
    long advisory =
        Math.max(floor, ByteSizes.floorTo((long) (readPerTask / factor), ByteSizes.MIB));
    if (advisory >= readPerTask || advisory >= advisoryNow) {
      return;
    }
    Map<String, String> changes = new java.util.LinkedHashMap<>();
    changes.put("spark.sql.adaptive.advisoryPartitionSizeInBytes", ByteSizes.format(advisory));
    long needed = (read + advisory - 1) / advisory;
    String partitionsText = "";
    if (needed > partitions) {
      changes.put("spark.sql.shuffle.partitions", Long.toString(needed));
      partitionsText =
          String.format(
              Locale.ROOT,
              ", and %d shuffle partitions (now %d) so that none starts above it",
              needed,
              partitions);
    }
    out.add(
        new Candidate(
            "Make AQE's coalesced shuffle partitions smaller",
            changes,
            String.format(
                Locale.ROOT,
                "%s. AQE coalesced the stage's %d shuffle partitions into %d tasks of about %s"
                    + " (it merges partitions up to min(shuffle bytes / default parallelism,"
                    + " advisoryPartitionSizeInBytes %s)), so more spark.sql.shuffle.partitions"
                    + " alone would be merged back to the same size. An advisory size of %s"
                    + " (%.1fx smaller)%s gives each task a working set that fits.",
                spillText,
                partitions,
                worst.tasks(),
                ByteSizes.human(readPerTask),
                ByteSizes.human(advisoryNow),
                ByteSizes.human(advisory),
                factor,
                partitionsText),
            "Apache Spark ShufflePartitionsUtil.coalescePartitions (v3.5.1); " + source,
            Candidate.Origin.LOG,
            Severity.WARNING,
            watch + " The stage should run about " + needed + " tasks."));
  }

  /**
   * Execution memory per task slot: from the log's executors when they report it (the block
   * manager's unified memory over the executor's cores), else from the heap in effect (the driver's
   * in local mode, whose task threads share it) over the cores per executor.
   */
  private TaskMemory taskMemory() {
    List<Double> perSlot = new ArrayList<>();
    for (ApplicationProfile.Executor e : profile.executors()) {
      if (e.maxMemoryBytes().isPresent() && e.totalCores() > 0) {
        perSlot.add((double) e.maxMemoryBytes().getAsLong() / e.totalCores());
      }
    }
    if (!perSlot.isEmpty()) {
      perSlot.sort(null);
      double median = perSlot.get(perSlot.size() / 2);
      return new TaskMemory(
          median,
          "the block manager's unified memory of the log's executors over their cores, median of "
              + perSlot.size());
    }
    boolean local = profile.clusterManager().orElse(ClusterManager.LOCAL) == ClusterManager.LOCAL;
    String heapKey = local ? "spark.driver.memory" : "spark.executor.memory";
    long heap = bytes(heapKey).orElse(ByteSizes.GIB);
    int cores = Math.max(1, taskSlotsPerExecutor());
    double fraction = number("spark.memory.fraction").orElse(0.6);
    return new TaskMemory(
        (heap - RESERVED_HEAP_BYTES) * fraction / cores,
        String.format(
            Locale.ROOT,
            "(%s %s - 300 MiB) x memory.fraction %s / %d cores",
            heapKey,
            ByteSizes.human(heap),
            fraction,
            cores));
  }

  /** The most cores one executor of the log had (the driver's task threads in local mode). */
  private int taskSlotsPerExecutor() {
    int most =
        profile.executors().stream()
            .mapToInt(ApplicationProfile.Executor::totalCores)
            .max()
            .orElse(0);
    return most > 0 ? most : (int) number("spark.executor.cores").orElse(1);
  }

  /** Execution memory per task and how it was found. */
  private record TaskMemory(double bytes, String how) {}

  private void executorLoss(List<Candidate> out) {
    int lost = profile.failures().executorsLost().size();
    int lostTasks = profile.failures().executorLostTasks();
    if (lost == 0 && lostTasks == 0) {
      return;
    }
    long heap = bytes("spark.executor.memory").orElse(ByteSizes.GIB);
    long currentOverhead = overheadBytes(config, heap, filters.version());
    long proposed = Math.max(2 * currentOverhead, heap / 5);
    proposed = (proposed + ByteSizes.MIB - 1) / ByteSizes.MIB * ByteSizes.MIB;
    String reasons =
        profile.failures().executorsLost().stream()
            .map(ApplicationProfile.ExecutorLoss::reason)
            .distinct()
            .sorted()
            .reduce((a, b) -> a + "; " + b)
            .orElse("ExecutorLostFailure");
    out.add(
        new Candidate(
            "Give executors more memory overhead",
            Map.of("spark.executor.memoryOverhead", ByteSizes.format(proposed)),
            String.format(
                Locale.ROOT,
                "%d executor(s) were lost (%s) and %d task(s) failed with them; a container that"
                    + " outgrows its overhead (%s now) is killed by YARN or Kubernetes. Doubling it"
                    + " (at least 20 %% of the heap) is the first fix; check the node manager log for"
                    + " 'exceeding memory limits' to confirm.",
                lost,
                reasons,
                lostTasks,
                ByteSizes.human(currentOverhead)),
            "Apache Spark Configuration (spark.executor.memoryOverhead); "
                + DR_ELEPHANT
                + "; "
                + LOG_SOURCE,
            Candidate.Origin.LOG,
            Severity.WARNING,
            "Executors removed with 'Executor Process Lost' or exit code 137/143; the container"
                + " size grows by the added overhead."));
  }

  /**
   * Whether {@link #shuffleService} proposes the external shuffle service: fetch failures on a
   * cluster manager that runs one (YARN, standalone) with the service off.
   */
  private boolean proposesShuffleService() {
    ClusterManager cm = profile.clusterManager().orElse(ClusterManager.LOCAL);
    return report.bottlenecks().stream().anyMatch(b -> b.kind() == BottleneckKind.FETCH_FAILURES)
        && !flag("spark.shuffle.service.enabled")
        && (cm == ClusterManager.YARN || cm == ClusterManager.STANDALONE);
  }

  private void shuffleService(List<Candidate> out) {
    int lost = profile.failures().executorsLost().size();
    ClusterManager cm = profile.clusterManager().orElse(ClusterManager.LOCAL);
    if (proposesShuffleService()) {
      out.add(
          new Candidate(
              "Keep shuffle files when an executor is lost",
              Map.of("spark.shuffle.service.enabled", "true"),
              String.format(
                  Locale.ROOT,
                  "%d fetch failure(s) followed the loss of %d executor(s): their shuffle output"
                      + " died with them and %d task(s) were resubmitted. The external shuffle"
                      + " service serves shuffle files independently of executors.",
                  profile.failures().fetchFailures(),
                  lost,
                  profile.failures().taskFailureReasons().getOrDefault("Resubmitted", 0)),
              "Apache Spark Job Scheduling (external shuffle service); " + LOG_SOURCE,
              Candidate.Origin.LOG,
              Severity.WARNING,
              cm == ClusterManager.YARN
                  ? "The YARN NodeManagers must run the spark_shuffle auxiliary service"
                      + " (yarn.nodemanager.aux-services); fetch failures and resubmitted tasks"
                      + " should disappear."
                  : "Every standalone worker must start the shuffle service (spark.shuffle.service"
                      + ".enabled=true in the worker's config); fetch failures should disappear."));
    }
  }

  private void gc(Bottleneck b, List<Candidate> out) {
    if (!atLeast(b, BottleneckSeverity.MODERATE)) {
      return; // Dr. Elephant's "low" GC needs no change
    }
    if (b.wallTimeFraction().orElse(0) < immaterialShare()) {
      return; // all of the GC is less wall time than run-to-run noise: nothing to gain or verify
    }
    // in local mode the tasks run in the driver's JVM: executor JVM options reach no JVM
    boolean local = profile.clusterManager().orElse(ClusterManager.LOCAL) == ClusterManager.LOCAL;
    String key = local ? "spark.driver.extraJavaOptions" : "spark.executor.extraJavaOptions";
    String opts = config.get(key).orElse("");
    if (CHOSEN_COLLECTOR.matcher(opts).find()) {
      return; // a collector is chosen deliberately; the memory sizing is the optimizer's
    }
    int java = javaMajor(profile.javaVersion().orElse(""));
    if (java == 0 || java >= 9) {
      return; // G1 is already the default from JDK 9 (JEP 248), or the Java version is unknown
    }
    String proposed = (opts.isBlank() ? "" : opts.strip() + " ") + "-XX:+UseG1GC";
    String watch =
        "GC time per stage in the Spark UI; if it stays above 10 %, give each task more heap"
            + (local
                ? " (fewer local threads or a larger spark.driver.memory)."
                : " (fewer cores per executor or a larger spark.executor.memory).");
    if (local) {
      // Spark's configuration page, spark.driver.extraJavaOptions: "In client mode, this config
      // must not be set through the SparkConf directly in your application, because the driver JVM
      // has already started at that point"
      watch =
          "Set it before the driver starts: spark-submit --driver-java-options \"-XX:+UseG1GC\" or"
              + " spark-defaults.conf (Spark's configuration page: in client mode it must not be set"
              + " through the SparkConf in the application, the driver JVM has already started). "
              + watch;
    }
    out.add(
        new Candidate(
            local
                ? "Use the G1 garbage collector in the driver (local mode runs the tasks there)"
                : "Use the G1 garbage collector on executors",
            Map.of(key, proposed),
            "Bottleneck gc ("
                + b.severity().id()
                + "): "
                + b.reason()
                + ". The application ran Java "
                + profile.javaVersion().orElse("")
                + ", whose default parallel collector stops every task on a full collection; G1"
                + " (the default from JDK 9, JEP 248) keeps pauses short on large heaps."
                + (local
                    ? " In local mode the tasks run in the driver's JVM, so the option goes to the"
                        + " driver; spark.executor.extraJavaOptions would reach no JVM."
                    : ""),
            "Apache Spark Tuning Guide (garbage collection tuning: G1GC); "
                + (local ? "Apache Spark Configuration (spark.driver.extraJavaOptions); " : "")
                + b.source(),
            Candidate.Origin.LOG,
            atLeast(b, BottleneckSeverity.SEVERE) ? Severity.WARNING : Severity.INFO,
            watch));
  }

  private void skew(Bottleneck b, List<Candidate> out) {
    if (!atLeast(b, BottleneckSeverity.MODERATE)) {
      return; // max/median under Dr. Elephant's moderate 4
    }
    int stageId = b.evidence().getOrDefault("stageId", -1.0).intValue();
    boolean shuffleStage =
        profile.stages().stream()
            .anyMatch(s -> s.id() == stageId && s.shuffleReadBytes().sum() > 0);
    boolean aqe = flag("spark.sql.adaptive.enabled");
    boolean skewJoin = flag("spark.sql.adaptive.skewJoin.enabled");
    if (!shuffleStage || (aqe && skewJoin)) {
      return;
    }
    out.add(
        new Candidate(
            "Let AQE split skewed join partitions",
            Map.of(
                "spark.sql.adaptive.enabled", "true",
                "spark.sql.adaptive.skewJoin.enabled", "true"),
            "Bottleneck task-skew ("
                + b.severity().id()
                + "): "
                + b.reason()
                + ". One partition holds far more data than the rest; AQE's skew join splits it.",
            "Apache Spark SQL performance tuning (adaptive skew join); " + b.source(),
            Candidate.Origin.LOG,
            Severity.WARNING,
            "Longest vs median task time of the stage; the plan shows skewed partitions split."));
  }

  /**
   * Executor slots alive but idle (and driver-bound time, when no task runs at all): fewer
   * executors, found by the replay simulator as the fewest whose replayed wall time stays inside
   * the observed layout's interval, and dynamic allocation with shuffle tracking to release idle
   * ones.
   */
  private void idleExecutors(Bottleneck b, List<Candidate> out) {
    if (!atLeast(b, BottleneckSeverity.SEVERE)) {
      return;
    }
    ReplaySpec now = PerformanceModels.observedLayout(profile);
    if (now.executors() < 2) {
      return; // one executor cannot be fewer; releasing it only adds start-up latency
    }
    ReplayResult base = PerformanceModels.replay(profile, now);
    int fewest = now.executors();
    for (int n = 1; n < now.executors(); n++) {
      if (PerformanceModels.replay(profile, now.withExecutors(n)).predicted().toMillis()
          <= base.interval().high()) {
        fewest = n;
        break;
      }
    }
    boolean dynamic = flag("spark.dynamicAllocation.enabled");
    // shuffle tracking is only needed without the external shuffle service, which is either on
    // already or proposed for this log's fetch failures (Spark's job-scheduling guide: dynamic
    // allocation needs one of the two, not both)
    boolean proposed = proposesShuffleService();
    boolean service = flag("spark.shuffle.service.enabled") || proposed;
    Map<String, String> values = new java.util.TreeMap<>();
    if (!dynamic) {
      values.put("spark.dynamicAllocation.enabled", "true");
      if (!service) {
        values.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
      }
    }
    int max = config.get("spark.dynamicAllocation.maxExecutors").map(v -> intOr(v, 0)).orElse(0);
    if (max == 0 || max > fewest) {
      values.put("spark.dynamicAllocation.maxExecutors", Integer.toString(fewest));
    }
    if (values.isEmpty()) {
      return;
    }
    String driver =
        report.bottlenecks().stream()
            .filter(x -> x.kind() == BottleneckKind.DRIVER_BOUND)
            .findFirst()
            .map(x -> " Bottleneck driver-bound (" + x.severity().id() + "): " + x.reason() + ".")
            .orElse("");
    out.add(
        new Candidate(
            "Release idle executors",
            values,
            String.format(
                Locale.ROOT,
                "Bottleneck idle-executors (%s): %s.%s The replay simulator re-schedules this"
                    + " log's tasks on %d executor(s) in %.1f s, inside the %.1f-%.1f s interval of"
                    + " the %d it had; dynamic allocation%s hands back executors while no task"
                    + " needs them.",
                b.severity().id(),
                b.reason(),
                driver,
                fewest,
                PerformanceModels.replay(profile, now.withExecutors(fewest)).predicted().toMillis()
                    / 1000.0,
                base.interval().low() / 1000.0,
                base.interval().high() / 1000.0,
                now.executors(),
                service
                    ? proposed
                        ? " (the external shuffle service proposed for the fetch failures keeps"
                            + " shuffle files)"
                        : " (the external shuffle service keeps shuffle files)"
                    : " with shuffle"
                        + " tracking (shuffle files kept by executors that still hold them)"),
            "Apache Spark Job Scheduling (dynamic resource allocation, shuffle tracking); "
                + b.source(),
            Candidate.Origin.LOG,
            Severity.INFO,
            "executors added and removed in the Executors tab and the wall time against the"
                + " baseline; raise maxExecutors again if stages wait for executors."));
  }

  // a boolean in effect (the log's value, else the default of the log's Spark version); false when
  // the key does not exist in that version or the value is malformed (the rule book reports it)
  private boolean flag(String key) {
    Optional<String> v = SparkSemantics.effective(key, config, filters.version()).value();
    try {
      return v.isPresent() && SparkSemantics.flag(key, v.get());
    } catch (DgxSparkException e) {
      return false;
    }
  }

  // a number in effect; empty when unset without default or malformed (the rule book reports it)
  private OptionalDouble number(String key) {
    Optional<String> v = SparkSemantics.effective(key, config, filters.version()).value();
    try {
      return v.isPresent()
          ? OptionalDouble.of(Double.parseDouble(v.get().trim()))
          : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  // the size in effect: the log's value, else Spark's default for the app's version
  private Optional<Long> bytes(String key) {
    return SparkSemantics.effective(key, config, filters.version())
        .value()
        .flatMap(v -> bytes(new SparkConfig(Map.of(key, v)), key));
  }

  /** A size setting in bytes, read as Spark reads that key (bare numbers in the key's unit). */
  static Optional<Long> bytes(SparkConfig config, String key) {
    Optional<String> v = config.get(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SparkSemantics.sizeBytes(key, v.get()));
    } catch (DgxSparkException e) {
      return Optional.empty(); // the rule book reports the malformed value
    }
  }

  /**
   * The executor overhead Spark derives for the log's config; a malformed overhead setting (which
   * the rule book reports) leaves the derivation from the heap alone.
   */
  static long overheadBytes(SparkConfig config, long heapBytes, SparkVersion version) {
    try {
      return SparkSemantics.memoryOverheadBytes(config, heapBytes, version);
    } catch (DgxSparkException e) {
      return SparkSemantics.memoryOverheadBytes(SparkConfig.empty(), heapBytes, version);
    }
  }

  /** The Spark version that wrote the log; the newest when the log does not say or is garbled. */
  static SparkVersion sparkVersion(ApplicationProfile profile) {
    try {
      return profile.sparkVersion().map(SparkVersion::parse).orElse(SparkVersion.NEWEST);
    } catch (DgxSparkException e) {
      return SparkVersion.NEWEST;
    }
  }

  /** The value as an int, or the fallback when it is malformed (the rule book reports it). */
  static int intOr(String v, int fallback) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
