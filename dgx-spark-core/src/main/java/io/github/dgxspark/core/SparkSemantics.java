package io.github.dgxspark.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's own rules, by Spark version, in one place: which keys exist, their defaults, the value in
 * effect for a config, master-URL parsing, which cluster manager enforces the memory overhead, the
 * overhead formula, local-mode cores and typed comparison of values.
 *
 * <p>The key table is {@code data/spark-config-keys.json}, read from Spark's config registries
 * ({@code org.apache.spark.internal.config}, {@code SQLConf}) of each release; every versioned
 * entry cites the source file at its release tag.
 */
public final class SparkSemantics {
  /**
   * Spark's master URLs, as {@code SparkMasterRegex} in SparkContext.scala (v4.1.3,
   * github.com/apache/spark/blob/v4.1.3/core/src/main/scala/org/apache/spark/SparkContext.scala)
   * matches them: {@code local}, {@code local[N|*]}, {@code local[N|*, F]}.
   */
  private static final Pattern LOCAL_N =
      Pattern.compile("local\\[\\s*([0-9]+|\\*)\\s*(?:,\\s*[0-9]+\\s*)?\\]");

  private static final Pattern LOCAL_CLUSTER =
      Pattern.compile("local-cluster\\[\\s*[0-9]+\\s*,\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*]");

  /**
   * The RAPIDS Accelerator runs on Spark 3.0 and later only (NVIDIA/spark-rapids docs/download.md:
   * every release lists Spark 3.x versions as supported).
   */
  private static final SparkVersion RAPIDS_FIRST_SPARK = new SparkVersion(3, 0, 0);

  /**
   * Spark's minimum memory overhead, 384 MiB: {@code MEMORY_OVERHEAD_MIN} in
   * YarnSparkHadoopUtil.scala (v1.6.3) and ResourceProfile.scala (v3.5.7), the default of {@code
   * spark.executor.minMemoryOverhead} and {@code spark.driver.minMemoryOverhead} from 4.0
   * (internal/config/package.scala v4.1.3).
   */
  public static final long MIN_MEMORY_OVERHEAD_BYTES = 384 * ByteSizes.MIB;

  /**
   * Spark's memory overhead factor for JVM applications, 0.10: {@code MEMORY_OVERHEAD_FACTOR} in
   * YarnSparkHadoopUtil.scala (v3.2.4), the default of {@code spark.executor.memoryOverheadFactor}
   * from 3.3 and of {@code spark.kubernetes.memoryOverheadFactor} (package.scala v4.1.3, k8s
   * Config.scala v2.4.8).
   */
  public static final double MEMORY_OVERHEAD_FACTOR = 0.10;

  /**
   * Spark's overhead factor on Kubernetes for non-JVM (PySpark, SparkR) applications that set none,
   * 0.40: {@code NON_JVM_MEMORY_OVERHEAD_FACTOR} in the Kubernetes Constants.scala (v4.0.1), used
   * by BasicDriverFeatureStep.
   */
  public static final double NON_JVM_MEMORY_OVERHEAD_FACTOR = 0.40;

  /**
   * Spark's RocksDB state store provider: in Spark from 3.2.0 (SPARK-34198), at this name in 3.3.4,
   * 3.5.8 and 4.1.3 (sql/core .../execution/streaming/state/RocksDBStateStoreProvider.scala).
   */
  private static final String ROCKSDB_STATE_STORE_PROVIDER =
      "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";

  private static final SparkVersion ROCKSDB_STATE_STORE_FIRST = new SparkVersion(3, 2, 0);

  private SparkSemantics() {}

  /**
   * The class of Spark's RocksDB state store provider, for {@code
   * spark.sql.streaming.stateStore.providerClass}, in a release that has it.
   *
   * @param version the application's Spark version
   * @return the class name from Spark 3.2.0 on; empty before
   */
  public static Optional<String> rocksDbStateStoreProvider(SparkVersion version) {
    Objects.requireNonNull(version, "version");
    return version.compareTo(ROCKSDB_STATE_STORE_FIRST) >= 0
        ? Optional.of(ROCKSDB_STATE_STORE_PROVIDER)
        : Optional.empty();
  }

  /**
   * Whether a key exists in a Spark version: it is in Spark's registry of that version (or, for
   * keys the table does not list, under an open prefix such as {@code spark.hadoop.}); RAPIDS keys
   * exist from Spark 3.0 on.
   *
   * @param key the property name
   * @param version the application's Spark version
   * @return true when Spark of that version reads the key
   */
  public static boolean exists(String key, SparkVersion version) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(version, "version");
    SparkKeyTable table = SparkKeyTable.builtIn();
    Optional<SparkKeyTable.Key> k = table.find(key);
    if (k.isPresent()) {
      if (k.get().origin().equals("rapids")) {
        return version.compareTo(RAPIDS_FIRST_SPARK) >= 0 && k.get().existsIn(version);
      }
      return k.get().existsIn(version);
    }
    if (key.startsWith("spark.rapids.")) {
      return version.compareTo(RAPIDS_FIRST_SPARK) >= 0 && table.underOpenPrefix(key);
    }
    return table.underOpenPrefix(key);
  }

  /**
   * The words Spark of a version accepts for a key that takes one of a fixed list (an enum key such
   * as {@code spark.sql.parquet.compression.codec}), upper-case, as the key's value check compares
   * them. For example Spark 3.5.1-3.5.x accept both {@code lz4raw} and {@code lz4_raw} for that
   * key, Spark 4 only {@code lz4_raw} (SPARK-45484).
   *
   * @param key the property name
   * @param version the application's Spark version
   * @return the accepted words; empty when the key is not an enum key or does not exist then
   */
  public static List<String> allowedValues(String key, SparkVersion version) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(version, "version");
    if (!exists(key, version)) {
      return List.of();
    }
    return SparkKeyTable.builtIn()
        .find(key)
        .map(
            k ->
                k.words().stream()
                    .filter(w -> w.acceptedIn(version))
                    .map(SparkKeyTable.Word::value)
                    .toList())
        .orElse(List.of());
  }

  /**
   * Spark's default for a key in a version, with fallbacks to other keys resolved to their
   * defaults.
   *
   * @param key the property name
   * @param version the Spark version
   * @return the default as Spark writes it (e.g. {@code 128MB}); empty when the key has none or
   *     does not exist in that version
   */
  public static Optional<String> defaultValue(String key, SparkVersion version) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(version, "version");
    if (!exists(key, version)) {
      return Optional.empty();
    }
    Optional<String> d = SparkKeyTable.builtIn().find(key).flatMap(k -> defaultAt(k, version));
    if (d.isPresent()) {
      Optional<String> fallback = SparkKeyTable.fallbackKey(d.get());
      if (fallback.isPresent()) {
        return defaultValue(fallback.get(), version);
      }
    }
    return d;
  }

  /**
   * The RAPIDS Accelerator's default for one of its keys in a plugin release, where the key table
   * records when it changed (for example {@code spark.rapids.sql.concurrentGpuTasks}: 1, then 2
   * from 23.06, then unset from 25.04, when the plugin sizes it from GPU memory).
   *
   * @param key a {@code spark.rapids.*} key
   * @param pluginVersion the plugin release, e.g. {@code 23.10.0} or {@code 25.02.1}
   * @return the default; empty when it has none in that release or the table does not know the key
   * @throws DgxSparkException if the plugin version is not a version
   */
  public static Optional<String> rapidsDefaultValue(String key, String pluginVersion) {
    Objects.requireNonNull(key, "key");
    SparkVersion plugin = SparkVersion.parse(pluginVersion);
    return SparkKeyTable.builtIn()
        .find(key)
        .filter(k -> k.origin().equals("rapids"))
        .flatMap(k -> k.pluginDefaultAt(plugin));
  }

  // a RAPIDS key's default is the newest plugin's; a Spark key's that of the Spark version
  private static Optional<String> defaultAt(SparkKeyTable.Key k, SparkVersion version) {
    return k.origin().equals("rapids") ? k.newestPluginDefault() : k.defaultAt(version);
  }

  /**
   * The value an application runs with: the config's own value, else the value of a deprecated name
   * Spark still reads for it ({@code spark.yarn.executor.memoryOverhead} for {@code
   * spark.executor.memoryOverhead}), else the value of the key it falls back to when that one is
   * set, else Spark's default for the version.
   *
   * @param key the property name
   * @param config the application's properties (an event log's, or a submitted config)
   * @param version the application's Spark version
   * @return the value and where it comes from
   */
  public static EffectiveValue effective(String key, SparkConfig config, SparkVersion version) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(version, "version");
    Optional<String> set = config.get(key);
    if (set.isPresent()) {
      return new EffectiveValue(key, set, EffectiveValue.Source.LOG);
    }
    if (!exists(key, version)) {
      return new EffectiveValue(key, Optional.empty(), EffectiveValue.Source.UNSET);
    }
    // a deprecated name Spark still reads (SparkConf.configsWithAlternatives)
    for (String old : SparkKeyTable.builtIn().oldNames(key)) {
      Optional<String> alternate = config.get(old);
      if (alternate.isPresent() && exists(old, version)) {
        return new EffectiveValue(key, alternate, EffectiveValue.Source.LOG);
      }
    }
    Optional<String> d = SparkKeyTable.builtIn().find(key).flatMap(k -> defaultAt(k, version));
    if (d.isPresent()) {
      Optional<String> fallback = SparkKeyTable.fallbackKey(d.get());
      if (fallback.isPresent()) {
        EffectiveValue via = effective(fallback.get(), config, version);
        return new EffectiveValue(key, via.value(), via.source());
      }
      return new EffectiveValue(key, d, EffectiveValue.Source.DEFAULT);
    }
    return new EffectiveValue(key, Optional.empty(), EffectiveValue.Source.UNSET);
  }

  /**
   * The cluster manager a master URL selects, as SparkContext.createTaskScheduler reads it
   * (v4.1.3): {@code local}, {@code local[N]}, {@code local[*]} and {@code local[N,F]} run in one
   * JVM; {@code local-cluster[W,C,M]} starts a standalone master and workers inside the driver
   * process ({@code LocalSparkCluster} with {@code StandaloneSchedulerBackend}), so it is {@link
   * ClusterManager#STANDALONE}; {@code spark://}, {@code yarn} (and Spark 1.x's {@code
   * yarn-client}/{@code yarn-cluster}) and {@code k8s://} select their managers.
   *
   * @param masterUrl the value of {@code spark.master} (or {@code --master})
   * @return the cluster manager; empty for URLs Spark hands to other cluster managers through its
   *     {@code ExternalClusterManager} service loader, such as {@code mesos://}
   */
  public static Optional<ClusterManager> clusterManager(String masterUrl) {
    Objects.requireNonNull(masterUrl, "masterUrl");
    String m = masterUrl.trim();
    String lower = m.toLowerCase(Locale.ROOT);
    if (m.equals("local") || LOCAL_N.matcher(m).matches()) {
      return Optional.of(ClusterManager.LOCAL);
    }
    if (LOCAL_CLUSTER.matcher(m).matches() || lower.startsWith("spark://")) {
      return Optional.of(ClusterManager.STANDALONE);
    }
    if (lower.equals("yarn") || lower.startsWith("yarn-")) {
      return Optional.of(ClusterManager.YARN);
    }
    if (lower.startsWith("k8s://")) {
      return Optional.of(ClusterManager.KUBERNETES);
    }
    return Optional.empty();
  }

  /**
   * Whether a cluster manager holds executors to heap plus overhead, so that raising {@code
   * spark.executor.memoryOverhead} changes what an executor may use. YARN sizes the container as
   * heap plus overhead and its NodeManager kills a container that exceeds it (Running on YARN,
   * spark.apache.org/docs/latest/running-on-yarn.html, spark.yarn.executor.memoryOverhead and
   * "Killed by YARN for exceeding memory limits"); Kubernetes sets the pod's memory request and
   * limit to heap plus overhead (BasicExecutorFeatureStep.scala v4.1.3, {@code
   * executorMemoryWithOverhead}). Standalone workers launch the executor JVM with {@code -Xmx} only
   * and account just {@code spark.executor.memory} against the worker's memory (ExecutorRunner /
   * Master.scala v4.1.3), and local mode runs inside the driver JVM, so neither enforces an
   * overhead.
   *
   * @param manager the cluster manager
   * @return true for YARN and Kubernetes
   */
  public static boolean enforcesMemoryOverhead(ClusterManager manager) {
    Objects.requireNonNull(manager, "manager");
    return manager == ClusterManager.YARN || manager == ClusterManager.KUBERNETES;
  }

  /**
   * The executor's memory overhead as Spark derives it for a JVM application: the explicit overhead
   * when set ({@code spark.executor.memoryOverhead} from 2.3, {@code
   * spark.yarn.executor.memoryOverhead} before and as its alternate name after: SparkConf.scala
   * v4.1.3 {@code configsWithAlternatives}), else {@code max(factor × heap, minimum)} in whole MiB,
   * as {@code ResourceProfile.calculateOverHeadMemory} computes it (v4.1.3). The factor is {@code
   * spark.executor.memoryOverheadFactor} from 3.3, else on Kubernetes {@code
   * spark.kubernetes.memoryOverheadFactor} (2.4+; BasicExecutorFeatureStep.scala v4.0.1), else
   * {@link #MEMORY_OVERHEAD_FACTOR}; the minimum is {@code spark.executor.minMemoryOverhead} from
   * 4.0, else {@link #MIN_MEMORY_OVERHEAD_BYTES}.
   *
   * @param config the application's properties ({@code spark.master} tells Kubernetes)
   * @param heapBytes the executor heap ({@code spark.executor.memory}) in bytes
   * @param version the application's Spark version
   * @return the overhead in bytes
   * @throws DgxSparkException if a set overhead, factor or minimum is not a valid value
   */
  public static long memoryOverheadBytes(SparkConfig config, long heapBytes, SparkVersion version) {
    return overheadBytes(config, heapBytes, version, "executor");
  }

  /**
   * The driver's memory overhead as Spark derives it for a JVM application, by the same rule with
   * the driver's keys ({@code spark.driver.memoryOverhead}, {@code
   * spark.yarn.driver.memoryOverhead}, {@code spark.driver.memoryOverheadFactor}, {@code
   * spark.driver.minMemoryOverhead}; YARN Client.scala and BasicDriverFeatureStep.scala v4.0.1). It
   * matters only where the driver runs in a container (YARN or Kubernetes cluster deploy mode).
   *
   * @param config the application's properties
   * @param heapBytes the driver heap ({@code spark.driver.memory}) in bytes
   * @param version the application's Spark version
   * @return the overhead in bytes
   * @throws DgxSparkException if a set overhead, factor or minimum is not a valid value
   */
  public static long driverMemoryOverheadBytes(
      SparkConfig config, long heapBytes, SparkVersion version) {
    return overheadBytes(config, heapBytes, version, "driver");
  }

  /**
   * The smallest overhead Spark derives by itself for an executor or driver: {@code
   * spark.executor.minMemoryOverhead} (or the driver's) from 4.0, else 384 MiB.
   *
   * @param overheadKey {@code spark.executor.memoryOverhead} or {@code spark.driver.memoryOverhead}
   * @param config the application's properties
   * @param version the application's Spark version
   * @return the minimum in bytes
   * @throws DgxSparkException if the key is neither overhead key, or the minimum set is not a size
   */
  public static long minMemoryOverheadBytes(
      String overheadKey, SparkConfig config, SparkVersion version) {
    Objects.requireNonNull(overheadKey, "overheadKey");
    switch (overheadKey) {
      case "spark.executor.memoryOverhead":
        return minOverheadBytes(config, version, "executor");
      case "spark.driver.memoryOverhead":
        return minOverheadBytes(config, version, "driver");
      default:
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "'%s' is not an overhead key; expected spark.executor.memoryOverhead or"
                    + " spark.driver.memoryOverhead",
                overheadKey));
    }
  }

  private static long overheadBytes(
      SparkConfig config, long heapBytes, SparkVersion version, String role) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(version, "version");
    String key = "spark." + role + ".memoryOverhead";
    String yarnKey = "spark.yarn." + role + ".memoryOverhead";
    Optional<String> explicit =
        version.atLeast(2, 3) ? config.get(key).or(() -> config.get(yarnKey)) : config.get(yarnKey);
    if (explicit.isPresent()) {
      return sizeBytes(key, explicit.get());
    }
    String factorKey = "spark." + role + ".memoryOverheadFactor";
    Optional<String> factorText = version.atLeast(3, 3) ? config.get(factorKey) : Optional.empty();
    boolean k8s = config.get("spark.master").map(m -> m.trim().startsWith("k8s://")).orElse(false);
    if (factorText.isEmpty() && k8s && version.atLeast(2, 4)) {
      factorText = config.get("spark.kubernetes.memoryOverheadFactor");
    }
    double factor =
        factorText.isPresent() ? factor(factorKey, factorText.get()) : MEMORY_OVERHEAD_FACTOR;
    long minMiB = minOverheadBytes(config, version, role) / ByteSizes.MIB;
    long heapMiB = Math.max(0, heapBytes) / ByteSizes.MIB;
    // Spark truncates factor x heap to an Int of MiB
    long derivedMiB = (int) (factor * heapMiB);
    return Math.multiplyExact(Math.max(derivedMiB, minMiB), ByteSizes.MIB);
  }

  private static long minOverheadBytes(SparkConfig config, SparkVersion version, String role) {
    String minKey = "spark." + role + ".minMemoryOverhead";
    Optional<String> min = version.atLeast(4, 0) ? config.get(minKey) : Optional.empty();
    return min.isPresent() ? sizeBytes(minKey, min.get()) : MIN_MEMORY_OVERHEAD_BYTES;
  }

  /**
   * Spark's {@code spark.default.parallelism} when the config does not set it: the partitions of an
   * RDD shuffle or {@code parallelize} without an explicit count, and the minimum partition count
   * of AQE's coalescing while {@code spark.sql.adaptive.coalescePartitions.parallelismFirst} is
   * true. Local mode: the task threads ({@code LocalSchedulerBackend.defaultParallelism}: the
   * configured value, else {@code totalCores}); every coarse-grained backend (standalone and {@code
   * local-cluster}, YARN, Kubernetes): {@code math.max(totalCoreCount, 2)} over the registered
   * executors' cores ({@code CoarseGrainedSchedulerBackend.defaultParallelism}, apache/spark {@code
   * core/src/main/scala/org/apache/spark/scheduler/cluster/CoarseGrainedSchedulerBackend.scala},
   * commit 43a61848eb64d1c21822ff2dc1f49eaa9c2cc549).
   *
   * @param manager where the application runs
   * @param totalCores the task threads (local) or the executors' cores together, 1 or more
   * @return the default parallelism
   * @throws DgxSparkException if totalCores is below 1
   */
  public static int defaultParallelism(ClusterManager manager, int totalCores) {
    Objects.requireNonNull(manager, "manager");
    if (totalCores < 1) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "total cores is %d; expected the executors' cores together, 1 or more",
              totalCores));
    }
    return manager == ClusterManager.LOCAL ? totalCores : Math.max(totalCores, 2);
  }

  /**
   * The task threads of a local master: 1 for {@code local}, N for {@code local[N]} and {@code
   * local[N,F]}, every core of the machine for {@code local[*]} (Spark uses {@code
   * Runtime.availableProcessors()}; SparkContext.createTaskScheduler v4.1.3).
   *
   * @param masterUrl the value of {@code spark.master}
   * @param machineCores the logical cores of the machine the driver runs on
   * @return the thread count; empty for a master that is not local (including {@code
   *     local-cluster})
   */
  public static OptionalInt localModeCores(String masterUrl, int machineCores) {
    Objects.requireNonNull(masterUrl, "masterUrl");
    String m = masterUrl.trim();
    if (m.equals("local")) {
      return OptionalInt.of(1);
    }
    Matcher lm = LOCAL_N.matcher(m);
    if (!lm.matches()) {
      return OptionalInt.empty();
    }
    if (lm.group(1).equals("*")) {
      return OptionalInt.of(machineCores);
    }
    try {
      return OptionalInt.of(Integer.parseInt(lm.group(1)));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * The cores of each worker of a {@code local-cluster[W,C,M]} master: C ({@code
   * SparkMasterRegex.LOCAL_CLUSTER_REGEX} in SparkContext.scala, handed to {@code
   * LocalSparkCluster(numWorkers, coresPerWorker, memoryPerWorker)}, v4.1.3). An executor asking
   * for more cores than one worker has is never placed (the standalone master logs "requires more
   * resource than any of Workers could have").
   *
   * @param masterUrl the value of {@code spark.master}
   * @return C; empty for any other master
   */
  public static OptionalInt localClusterWorkerCores(String masterUrl) {
    OptionalLong cores = localClusterGroup(masterUrl, 1);
    return cores.isPresent() && cores.getAsLong() <= Integer.MAX_VALUE
        ? OptionalInt.of((int) cores.getAsLong())
        : OptionalInt.empty();
  }

  /**
   * The memory of each worker of a {@code local-cluster[W,C,M]} master: M MiB (same source as
   * {@link #localClusterWorkerCores}). The standalone master places an executor only on a worker
   * whose free memory holds its {@code spark.executor.memory} (Master.scala, {@code
   * canLaunchExecutorForApp}, v4.1.3).
   *
   * @param masterUrl the value of {@code spark.master}
   * @return M in bytes; empty for any other master
   */
  public static OptionalLong localClusterWorkerMemoryBytes(String masterUrl) {
    OptionalLong mib = localClusterGroup(masterUrl, 2);
    return mib.isPresent() && mib.getAsLong() <= Long.MAX_VALUE / ByteSizes.MIB
        ? OptionalLong.of(mib.getAsLong() * ByteSizes.MIB)
        : OptionalLong.empty();
  }

  private static OptionalLong localClusterGroup(String masterUrl, int group) {
    Objects.requireNonNull(masterUrl, "masterUrl");
    Matcher m = LOCAL_CLUSTER.matcher(masterUrl.trim());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(m.group(group)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Size keys whose negative values mean something to Spark: -1 turns broadcast joins off ({@code
   * spark.sql.autoBroadcastJoinThreshold} and, from 3.2, {@code
   * spark.sql.adaptive.autoBroadcastJoinThreshold}: "By setting this value to -1 broadcasting can
   * be disabled", SQLConf.scala v4.1.3). Spark's parser reads a negative size for every key; for
   * the others a negative value is a mistake.
   */
  private static final Set<String> NEGATIVE_SIZE_KEYS =
      Set.of(
          "spark.sql.autoBroadcastJoinThreshold", "spark.sql.adaptive.autoBroadcastJoinThreshold");

  /**
   * Whether a negative size is a setting of this key rather than a mistake.
   *
   * @param key the property name
   * @return true for the broadcast thresholds, where -1 disables broadcasting
   */
  public static boolean negativeSizeMeaningful(String key) {
    return NEGATIVE_SIZE_KEYS.contains(key);
  }

  /**
   * Reads a size the way Spark reads that key: a bare number is in the key's own unit (MiB for
   * {@code spark.executor.memory}, KiB for {@code spark.shuffle.file.buffer}, bytes for unknown
   * keys), a suffixed one is converted to that unit with truncation, as {@code
   * JavaUtils.byteStringAs} does.
   *
   * @param key the property name
   * @param value its text
   * @return the size Spark uses, in bytes
   * @throws DgxSparkException naming the key if Spark would reject the text
   */
  public static long sizeBytes(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    long unitBytes = sizeUnitBytes(unit(key).orElse("b"));
    // a leading '-' negates the size, as ConfigHelpers.byteFromString does for every bytesConf
    // entry (ConfigBuilder.scala, v4.1.3): spark.sql.autoBroadcastJoinThreshold=-1 turns
    // broadcast joins off
    boolean negative = !value.isEmpty() && value.charAt(0) == '-';
    String magnitude = negative ? value.substring(1) : value;
    try {
      long bytes = Math.multiplyExact(ByteSizes.parse(magnitude, unitBytes), unitBytes);
      return negative ? -bytes : bytes;
    } catch (DgxSparkException | ArithmeticException e) {
      throw new DgxSparkException(key + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a time the way Spark reads that key: a bare number is in the key's own unit (seconds for
   * {@code spark.network.timeout}, milliseconds for unknown keys), as {@code
   * JavaUtils.timeStringAs} does.
   *
   * @param key the property name
   * @param value its text
   * @return the time Spark uses, in milliseconds (truncated)
   * @throws DgxSparkException naming the key if Spark would reject the text
   */
  public static long timeMillis(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    TimeUnit unit = timeUnit(unit(key).orElse("ms"));
    try {
      return TimeUnit.MILLISECONDS.convert(SparkDurations.parse(value, unit), unit);
    } catch (DgxSparkException e) {
      throw new DgxSparkException(key + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a boolean the way Spark's {@code ConfigHelpers.toBoolean} does: {@code true} or {@code
   * false}, any case, surrounding blanks ignored.
   *
   * @param key the property name
   * @param value its text
   * @return the boolean
   * @throws DgxSparkException naming the key if the text is neither
   */
  public static boolean flag(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    String t = value.trim();
    if (t.equalsIgnoreCase("true")) {
      return true;
    }
    if (t.equalsIgnoreCase("false")) {
      return false;
    }
    throw new DgxSparkException(
        String.format(Locale.ROOT, "%s '%s' is not a boolean; expected true or false", key, value));
  }

  /**
   * Whether two values of a key mean the same to Spark: sizes compared as Spark reads them ({@code
   * 48m}, {@code 48MB} and {@code 50331648b} are equal), times in their unit, booleans and enums
   * case-insensitively, numbers numerically, anything else as trimmed text. A value Spark would
   * reject equals only the same text.
   *
   * @param key the property name (its type and unit come from the key table)
   * @param a one value
   * @param b the other value
   * @return true when Spark reads both as the same value
   */
  public static boolean sameValue(String key, String a, String b) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    String x = a.trim();
    String y = b.trim();
    if (x.equals(y)) {
      return true;
    }
    KeyType type =
        SparkKeyTable.builtIn().find(key).map(SparkKeyTable.Key::type).orElse(KeyType.STRING);
    switch (type) {
      case SIZE:
      case TIME:
      case INT:
      case BOOLEAN:
        Optional<Object> v = type.read(key, x);
        return v.isPresent() && v.equals(type.read(key, y));
      case DOUBLE:
        Optional<Object> d = type.read(key, x);
        Optional<Object> e = type.read(key, y);
        return d.isPresent() && e.isPresent() && (double) d.get() == (double) e.get();
      case ENUM:
        return x.equalsIgnoreCase(y);
      default:
        return false;
    }
  }

  /**
   * Every key of the key table ({@code spark-config-keys.json}): Spark's, Spark SQL's and the
   * RAPIDS Accelerator's, with type, unit, the newest Spark's default, accepted range and words.
   *
   * @return the keys in file order
   */
  public static List<ConfigKey> knownKeys() {
    return KnownKeys.LIST;
  }

  /**
   * The key table's entry for a property; a per-resource key such as {@code
   * spark.executor.resource.gpu.amount} is the entry {@code spark.executor.resource.*.amount}.
   *
   * @param key the property name
   * @return its entry, if the table has it
   */
  public static Optional<ConfigKey> knownKey(String key) {
    Objects.requireNonNull(key, "key");
    return SparkKeyTable.builtIn().find(key).map(k -> KnownKeys.BY_NAME.get(k.name()));
  }

  /**
   * Whether a property lies in a namespace whose names are free-form ({@code spark.hadoop.}, {@code
   * spark.executorEnv.}, ...: the key table's {@code openPrefixes}).
   *
   * @param key the property name
   * @return true under an open prefix
   */
  public static boolean inOpenNamespace(String key) {
    return SparkKeyTable.builtIn().underOpenPrefix(Objects.requireNonNull(key, "key"));
  }

  /** The key table as {@link ConfigKey} records, built once on first use. */
  private static final class KnownKeys {
    static final List<ConfigKey> LIST;
    static final Map<String, ConfigKey> BY_NAME;

    static {
      Map<String, ConfigKey> byName = new LinkedHashMap<>();
      for (SparkKeyTable.Key k : SparkKeyTable.builtIn().keys()) {
        byName.put(
            k.name(),
            new ConfigKey(
                k.name(),
                k.type(),
                k.unit(),
                defaultValue(k.name(), SparkVersion.NEWEST),
                k.min(),
                k.max(),
                k.minExclusive(),
                k.maxExclusive(),
                k.words().stream()
                    .filter(w -> w.acceptedIn(SparkVersion.NEWEST))
                    .map(SparkKeyTable.Word::value)
                    .toList(),
                k.since().map(SparkVersion::toString).orElse(""),
                k.deprecatedBy()));
      }
      BY_NAME = Collections.unmodifiableMap(byName);
      LIST = List.copyOf(byName.values());
    }
  }

  private static Optional<String> unit(String key) {
    return SparkKeyTable.builtIn().find(key).flatMap(SparkKeyTable.Key::unit);
  }

  private static double factor(String key, String text) {
    try {
      double d = Double.parseDouble(text.trim());
      if (d >= 0 && !Double.isInfinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DgxSparkException(
        String.format(
            Locale.ROOT,
            "%s '%s' is not a factor; expected a number 0 or more, e.g. 0.1",
            key,
            text));
  }

  private static long sizeUnitBytes(String unit) {
    switch (unit) {
      case "k":
        return ByteSizes.KIB;
      case "m":
        return ByteSizes.MIB;
      case "g":
        return ByteSizes.GIB;
      default:
        return 1;
    }
  }

  private static TimeUnit timeUnit(String unit) {
    switch (unit) {
      case "us":
        return TimeUnit.MICROSECONDS;
      case "s":
        return TimeUnit.SECONDS;
      case "min":
        return TimeUnit.MINUTES;
      default:
        return TimeUnit.MILLISECONDS;
    }
  }
}
