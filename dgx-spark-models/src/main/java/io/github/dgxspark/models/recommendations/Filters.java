package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.EffectiveValue;
import io.github.dgxspark.core.FilePartitionMath;
import io.github.dgxspark.core.RapidsAccelerator;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every recommended change passes before it is shown, on the application's own facts:
 *
 * <ul>
 *   <li><b>no-op</b>: the proposed value differs from the effective one (the config's, else Spark's
 *       default for the application's version), compared as Spark reads them;
 *   <li><b>applicability</b>: the key exists in the application's Spark (and RAPIDS) version, the
 *       cluster manager honours it (memory overhead only where it is enforced), and the application
 *       uses the feature (Arrow keys only with pandas/Arrow operators or {@code toPandas}, SQL keys
 *       only with SQL executions, shuffle keys only with shuffle bytes, RAPIDS keys only when the
 *       RAPIDS Accelerator ran);
 *   <li><b>physics</b>: a smaller {@code spark.sql.files.maxPartitionBytes} must cut at least one
 *       scan stage's measured split ({@link FilePartitionMath#maxSplitBytes});
 *   <li><b>consistency</b>: the RAPIDS shuffle mode only with the RAPIDS shuffle manager of the
 *       application's Spark version; Kryo on a RAPIDS application with the plugin's Kryo
 *       registrator appended ({@link #completed}).
 * </ul>
 */
final class Filters {
  /** Prefix of the Arrow keys, which act only on pandas/Arrow exchange with Python. */
  static final String ARROW_PREFIX = "spark.sql.execution.arrow.";

  /**
   * Physical operators that exchange data with Python through Arrow (Spark's {@code
   * org.apache.spark.sql.execution.python} package: pandas UDFs, {@code mapInPandas}, {@code
   * applyInPandas}, {@code mapInArrow}).
   */
  static final Set<String> ARROW_OPERATORS =
      Set.of(
          "ArrowEvalPython",
          "AggregateInPandas",
          "WindowInPandas",
          "FlatMapGroupsInPandas",
          "FlatMapCoGroupsInPandas",
          "FlatMapGroupsInPandasWithState",
          "MapInPandas",
          "PythonMapInArrow",
          "MapInArrow",
          "FlatMapGroupsInArrow",
          "FlatMapCoGroupsInArrow");

  /** Keys whose value Spark reads only through YARN's or Kubernetes' container size. */
  static final Set<String> OVERHEAD_KEYS =
      Set.of(
          "spark.executor.memoryOverhead",
          "spark.executor.memoryOverheadFactor",
          "spark.driver.memoryOverhead",
          "spark.driver.memoryOverheadFactor");

  /** The RAPIDS Accelerator's Kryo registrator (NVIDIA/spark-rapids docs/tuning-guide.md). */
  static final String GPU_KRYO_REGISTRATOR = "com.nvidia.spark.rapids.GpuKryoRegistrator";

  static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";

  private final ApplicationProfile profile;
  private final SparkConfig config;
  private final SparkVersion version;
  private final Optional<ClusterManager> manager;

  private Filters(
      ApplicationProfile profile,
      SparkConfig config,
      SparkVersion version,
      Optional<ClusterManager> manager) {
    this.profile = profile;
    this.config = config;
    this.version = version;
    this.manager = manager;
  }

  /**
   * The filters of an application.
   *
   * @param profile the application
   * @param config its tuning properties
   */
  static Filters of(ApplicationProfile profile, SparkConfig config) {
    return new Filters(
        profile,
        config,
        Evidence.sparkVersion(profile),
        profile.master().flatMap(SparkSemantics::clusterManager));
  }

  SparkVersion version() {
    return version;
  }

  EffectiveValue effective(String key) {
    return SparkSemantics.effective(key, config, version);
  }

  /**
   * The plugin jar's release in a class path or jar list: {@code rapids-4-spark_2.12-25.02.0...}.
   */
  private static final Pattern RAPIDS_JAR =
      Pattern.compile("rapids-4-spark(?:_[0-9.]+)?-([0-9]{2}\\.[0-9]{2}\\.[0-9]+)");

  /**
   * The RAPIDS Accelerator release the application loaded, read from the plugin jar named in its
   * properties (class paths, {@code spark.jars}); empty when no property names it.
   */
  Optional<String> rapidsVersion() {
    for (String v : new TreeMap<>(config.entries()).values()) {
      Matcher m = RAPIDS_JAR.matcher(v);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /**
   * The RAPIDS Accelerator's default for one of its keys in the release the application loaded,
   * else in the newest release the key table knows.
   */
  Optional<String> rapidsDefault(String key) {
    return rapidsVersion()
        .flatMap(v -> SparkSemantics.rapidsDefaultValue(key, v))
        .or(() -> SparkSemantics.defaultValue(key, version));
  }

  /** Whether the RAPIDS Accelerator ran: GPU operators in the final plans. */
  boolean rapids() {
    return !profile.gpuOperatorNames().isEmpty();
  }

  /** Whether the application exchanged data with Python through Arrow. */
  boolean arrow() {
    boolean operators =
        profile.operatorNames().stream().anyMatch(n -> ARROW_OPERATORS.contains(n.split(" ")[0]));
    boolean toPandas =
        profile.sqlExecutions().stream().anyMatch(s -> s.description().contains("toPandas"))
            || profile.jobs().stream()
                .anyMatch(j -> j.description().orElse("").contains("toPandas"));
    return operators || toPandas;
  }

  long shuffleBytes() {
    return profile.totals().shuffleReadBytes() + profile.totals().shuffleWriteBytes();
  }

  /**
   * Why a change must not be proposed, or empty when it passes every filter.
   *
   * @param key the key
   * @param proposed the proposed value
   */
  Optional<String> rejection(String key, String proposed) {
    Optional<String> inapplicable = inapplicable(key);
    if (inapplicable.isPresent()) {
      return inapplicable;
    }
    EffectiveValue now = effective(key);
    if (now.value().isPresent() && SparkSemantics.sameValue(key, now.value().get(), proposed)) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s is already %s (%s), so setting %s changes nothing",
              key,
              now.value().get(),
              now.source() == EffectiveValue.Source.LOG
                  ? "the log's value"
                  : "Spark " + versionText() + "'s default",
              proposed));
    }
    if (key.equals("spark.rapids.shuffle.mode") && !rapidsShuffleManagerActive()) {
      return Optional.of(
          "spark.rapids.shuffle.mode acts only with the RAPIDS shuffle manager of Spark "
              + versionText()
              + " as spark.shuffle.manager, which this application does not load");
    }
    if (key.equals("spark.executor.cores")) {
      Optional<String> placement = unplaceableCores(proposed);
      if (placement.isPresent()) {
        return placement;
      }
    }
    if (key.equals("spark.executor.memory")) {
      Optional<String> placement = unplaceableMemory(proposed);
      if (placement.isPresent()) {
        return placement;
      }
    }
    if (key.equals(MAX_PARTITION_BYTES)) {
      try {
        long bytes = ByteSizes.parseBytes(proposed);
        if (scanStagesCut(bytes).isEmpty()) {
          return Optional.of(
              String.format(
                  Locale.ROOT,
                  "maxPartitionBytes %s would change no scan split: Spark splits files at"
                      + " min(maxPartitionBytes, max(openCostInBytes, bytes / task slots))"
                      + " (FilePartition.maxSplitBytes), and on %d task slots no scan stage's"
                      + " split is above %s at the setting in effect (largest task input %s)",
                  proposed,
                  taskSlots(),
                  proposed,
                  ByteSizes.human(largestScanTaskBytes())));
        }
      } catch (DgxSparkException e) {
        return Optional.of("maxPartitionBytes '" + proposed + "' is not a size");
      }
    }
    return Optional.empty();
  }

  /**
   * Why executors of this many cores might never be placed, or empty when the log shows a host with
   * that many: the cores of the largest host the log saw (the executors it ran at once, as the sum
   * of their cores) are all a proposal may count on, since worker sizes are not in the log. A
   * standalone master never launches an executor larger than a worker's free cores
   * (Master.scheduleExecutorsOnWorkers, v4.1.3) and YARN refuses containers above its maximum
   * allocation, so a larger executor leaves the application waiting.
   */
  private Optional<String> unplaceableCores(String proposed) {
    int cores;
    try {
      cores = Integer.parseInt(proposed.trim());
    } catch (NumberFormatException e) {
      return Optional.of("spark.executor.cores '" + proposed + "' is not a whole number");
    }
    int largest = largestHostCores(profile);
    if (largest > 0 && cores > largest) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "executors of %d cores might never be placed: the largest host in the log ran"
                  + " executors of %d cores in all, and worker sizes are not in the log",
              cores,
              largest));
    }
    return Optional.empty();
  }

  /**
   * Why executors of this heap are never placed on the application's {@code local-cluster} workers,
   * or empty: the standalone master needs a worker whose memory holds the heap ({@link
   * SparkSemantics#localClusterWorkerMemoryBytes}).
   */
  private Optional<String> unplaceableMemory(String proposed) {
    java.util.OptionalLong worker =
        config
            .get("spark.master")
            .map(SparkSemantics::localClusterWorkerMemoryBytes)
            .orElse(java.util.OptionalLong.empty());
    if (worker.isEmpty()) {
      return Optional.empty();
    }
    long heap;
    try {
      heap = SparkSemantics.sizeBytes("spark.executor.memory", proposed);
    } catch (DgxSparkException e) {
      return Optional.of("spark.executor.memory '" + proposed + "' is not a size");
    }
    if (heap > worker.getAsLong()) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "an executor heap of %s is never placed: each worker of %s has %s",
              ByteSizes.human(heap),
              config.get("spark.master").orElse(""),
              ByteSizes.human(worker.getAsLong())));
    }
    return Optional.empty();
  }

  /**
   * The most executor cores one host ran at the same time: per host, a sweep over the executors'
   * added and removed times (an executor without them counts for the whole application).
   */
  static int largestHostCores(ApplicationProfile profile) {
    java.util.Map<String, List<long[]>> events = new java.util.HashMap<>();
    for (ApplicationProfile.Executor e : profile.executors()) {
      if (e.id().equals("driver") || e.totalCores() <= 0) {
        continue;
      }
      List<long[]> host = events.computeIfAbsent(e.host(), h -> new ArrayList<>());
      host.add(
          new long[] {e.added().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE), e.totalCores()});
      host.add(
          new long[] {
            e.removed().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE), -e.totalCores()
          });
    }
    int largest = 0;
    for (List<long[]> host : events.values()) {
      // removals before additions at the same instant: a replaced executor does not overlap
      host.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      int now = 0;
      for (long[] ev : host) {
        now += (int) ev[1];
        largest = Math.max(largest, now);
      }
    }
    return largest;
  }

  /**
   * Why a key does not apply to this application whatever its value, or empty when it does: it does
   * not exist in the application's Spark version, its cluster manager ignores it, or the
   * application does not use the feature it tunes.
   *
   * @param key the key
   */
  Optional<String> inapplicable(String key) {
    return inapplicable(key, rapids());
  }

  /**
   * As {@link #inapplicable(String)}, for a config that runs the RAPIDS Accelerator or not, such as
   * a plan for a GPU target of a log that ran on the CPU.
   *
   * @param key the key
   * @param rapidsOn whether the RAPIDS Accelerator runs
   */
  Optional<String> inapplicable(String key, boolean rapidsOn) {
    if (!SparkSemantics.exists(key, version)) {
      return Optional.of(
          String.format(Locale.ROOT, "%s does not exist in Spark %s", key, versionText()));
    }
    if (OVERHEAD_KEYS.contains(key)
        && !manager.map(SparkSemantics::enforcesMemoryOverhead).orElse(false)) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s sizes YARN and Kubernetes containers; this application's master (%s) does not"
                  + " enforce it",
              key,
              profile.master().orElse("not in the log")));
    }
    if (key.startsWith(ARROW_PREFIX) && !arrow()) {
      return Optional.of(
          key
              + " acts only on pandas/Arrow exchange with Python; the application ran no pandas or"
              + " Arrow operator and no toPandas");
    }
    if (key.startsWith("spark.rapids.") && !rapidsOn) {
      return Optional.of(key + " acts only on the RAPIDS Accelerator; no operator ran on the GPU");
    }
    if (key.startsWith("spark.sql.") && profile.sqlExecutions().isEmpty()) {
      return Optional.of(key + " acts only on Spark SQL; the application ran no SQL execution");
    }
    if (shuffleKey(key) && shuffleBytes() == 0) {
      return Optional.of(key + " acts only on shuffles; the application shuffled no bytes");
    }
    return Optional.empty();
  }

  private static boolean shuffleKey(String key) {
    return key.startsWith("spark.shuffle.") && !key.equals("spark.shuffle.service.enabled")
        || key.startsWith("spark.reducer.")
        || key.equals("spark.sql.shuffle.partitions")
        || key.startsWith("spark.sql.adaptive.coalescePartitions.")
        || key.startsWith("spark.sql.adaptive.skewJoin.")
        || key.equals("spark.sql.adaptive.advisoryPartitionSizeInBytes")
        || key.startsWith("spark.rapids.shuffle.");
  }

  /**
   * Whether {@code spark.shuffle.manager} is the RAPIDS shuffle manager built for the application's
   * Spark version ({@code com.nvidia.spark.rapids.spark<major><minor><patch>
   * .RapidsShuffleManager}, with a {@code db} suffix for Databricks builds).
   */
  boolean rapidsShuffleManagerActive() {
    return config
        .get("spark.shuffle.manager")
        .filter(m -> RapidsAccelerator.isShuffleManagerFor(m, version))
        .isPresent();
  }

  /** The task slots a scan splits its files over: the most executor cores alive at once. */
  int taskSlots() {
    return Math.max(
        1, profile.executorTimeline().stream().mapToInt(c -> c.cores()).max().orElse(1));
  }

  private long largestScanTaskBytes() {
    return profile.stages().stream().mapToLong(s -> s.inputBytes().max()).max().orElse(0);
  }

  /**
   * The scan stages whose splits a maxPartitionBytes of this size would cut: those where Spark's
   * split for the stage's input ({@link FilePartitionMath#maxSplitBytes}, the stage's input bytes
   * over the task slots) is smaller at the new setting than at the one in effect, and smaller than
   * the most a task of the stage read (a cap above every task's input shrinks none: Parquet and ORC
   * tasks read whole row groups or stripes, so the measured input is the ground truth).
   */
  List<ApplicationProfile.Stage> scanStagesCut(long maxPartitionBytes) {
    long openCost = effectiveBytes("spark.sql.files.openCostInBytes").orElse(0L);
    Optional<Long> now = effectiveBytes(MAX_PARTITION_BYTES);
    List<ApplicationProfile.Stage> out = new ArrayList<>();
    if (now.isEmpty() || now.get() <= 0) {
      return out;
    }
    for (ApplicationProfile.Stage s : profile.stages()) {
      if (s.inputBytes().sum() <= 0) {
        continue;
      }
      long before =
          FilePartitionMath.maxSplitBytes(now.get(), openCost, s.inputBytes().sum(), taskSlots());
      long after =
          FilePartitionMath.maxSplitBytes(
              maxPartitionBytes, openCost, s.inputBytes().sum(), taskSlots());
      if (after < before && after < s.inputBytes().max()) {
        out.add(s);
      }
    }
    return out;
  }

  private Optional<Long> effectiveBytes(String key) {
    return effective(key)
        .value()
        .flatMap(v -> Evidence.bytes(new SparkConfig(Map.of(key, v)), key));
  }

  /**
   * The changes with what consistency needs added: Kryo on a RAPIDS application gets the plugin's
   * Kryo registrator appended to any registrator already set.
   *
   * @param values key → proposed value of one recommendation
   * @return the values, possibly with more keys
   */
  Map<String, String> completed(Map<String, String> values) {
    Map<String, String> out = new TreeMap<>(values);
    boolean kryo =
        Optional.ofNullable(values.get("spark.serializer"))
            .filter(v -> v.trim().endsWith("KryoSerializer"))
            .isPresent();
    if (kryo && rapids()) {
      Optional<String> registrators = config.get("spark.kryo.registrator").map(String::trim);
      boolean has =
          registrators
              .filter(r -> List.of(r.split("\\s*,\\s*")).contains(GPU_KRYO_REGISTRATOR))
              .isPresent();
      if (!has) {
        out.put(
            "spark.kryo.registrator",
            registrators
                .filter(r -> !r.isEmpty())
                .map(r -> r + "," + GPU_KRYO_REGISTRATOR)
                .orElse(GPU_KRYO_REGISTRATOR));
      }
    }
    return out;
  }

  private String versionText() {
    return profile.sparkVersion().orElse(version + " (assumed; the log names none)");
  }
}
