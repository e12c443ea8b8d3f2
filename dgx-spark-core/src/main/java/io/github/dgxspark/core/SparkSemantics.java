package io.github.dgxspark.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
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
      Pattern.compile("local-cluster\\[\\s*[0-9]+\\s*,\\s*[0-9]+\\s*,\\s*[0-9]+\\s*]");

  /**
   * The RAPIDS Accelerator runs on Spark 3.0 and later only (NVIDIA/spark-rapids docs/download.md:
   * every release lists Spark 3.x versions as supported).
   */
  private static final SparkVersion RAPIDS_FIRST_SPARK = new SparkVersion(3, 0, 0);

  /**
   * Spark's minimum overhead before {@code spark.executor.minMemoryOverhead} (4.0): 384 MiB ({@code
   * MEMORY_OVERHEAD_MIN} in YarnSparkHadoopUtil.scala v1.6.3, ResourceProfile.scala v3.5.7).
   */
  private static final long OVERHEAD_MIN_MIB = 384;

  /**
   * The overhead factor before {@code spark.executor.memoryOverheadFactor} (3.3): 0.10 ({@code
   * MEMORY_OVERHEAD_FACTOR} in YarnSparkHadoopUtil.scala v3.2.4).
   */
  private static final double OVERHEAD_FACTOR = 0.10;

  private SparkSemantics() {}

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
    Optional<String> d = SparkKeyTable.builtIn().find(key).flatMap(k -> k.defaultAt(version));
    if (d.isPresent()) {
      Optional<String> fallback = SparkKeyTable.fallbackKey(d.get());
      if (fallback.isPresent()) {
        return defaultValue(fallback.get(), version);
      }
    }
    return d;
  }

  /**
   * The value an application runs with: the config's own value, else the value of the key it falls
   * back to when that one is set, else Spark's default for the version.
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
    Optional<String> d = SparkKeyTable.builtIn().find(key).flatMap(k -> k.defaultAt(version));
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
   * The executor's memory overhead as Spark derives it: the explicit overhead when set ({@code
   * spark.executor.memoryOverhead} from 2.3, {@code spark.yarn.executor.memoryOverhead} before and
   * as its alternate name after), else {@code max(factor × heap, minimum)} in whole MiB, as {@code
   * ResourceProfile.calculateOverHeadMemory} computes it (v4.1.3). The factor is {@code
   * spark.executor.memoryOverheadFactor} from 3.3 (on Kubernetes {@code
   * spark.kubernetes.memoryOverheadFactor} before 3.3), else 0.10; the minimum is {@code
   * spark.executor.minMemoryOverhead} from 4.0, else 384 MiB.
   *
   * @param config the application's properties
   * @param heapBytes the executor heap ({@code spark.executor.memory}) in bytes
   * @param version the application's Spark version
   * @return the overhead in bytes
   * @throws DgxSparkException if a set overhead, factor or minimum is not a valid value
   */
  public static long memoryOverheadBytes(SparkConfig config, long heapBytes, SparkVersion version) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(version, "version");
    // from 2.3 the old YARN name is an alternate of the new one (SparkConf.configsWithAlternatives)
    Optional<String> explicit =
        version.atLeast(2, 3)
            ? config
                .get("spark.executor.memoryOverhead")
                .or(() -> config.get("spark.yarn.executor.memoryOverhead"))
            : config.get("spark.yarn.executor.memoryOverhead");
    if (explicit.isPresent()) {
      return Math.multiplyExact(ByteSizes.parse(explicit.get(), ByteSizes.MIB), ByteSizes.MIB);
    }
    double factor = OVERHEAD_FACTOR;
    Optional<String> factorText = Optional.empty();
    if (version.atLeast(3, 3)) {
      factorText = config.get("spark.executor.memoryOverheadFactor");
    }
    boolean k8s = config.get("spark.master").map(m -> m.trim().startsWith("k8s://")).orElse(false);
    if (factorText.isEmpty() && k8s && version.atLeast(2, 4)) {
      factorText = config.get("spark.kubernetes.memoryOverheadFactor");
    }
    if (factorText.isPresent()) {
      factor = parseFraction("spark.executor.memoryOverheadFactor", factorText.get());
    }
    long minMiB = OVERHEAD_MIN_MIB;
    if (version.atLeast(4, 0)) {
      Optional<String> min = config.get("spark.executor.minMemoryOverhead");
      if (min.isPresent()) {
        minMiB = ByteSizes.parse(min.get(), ByteSizes.MIB);
      }
    }
    long heapMiB = Math.max(0, heapBytes) / ByteSizes.MIB;
    long derivedMiB = (long) (int) (factor * heapMiB);
    return Math.multiplyExact(Math.max(derivedMiB, minMiB), ByteSizes.MIB);
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
   * Whether two values of a key mean the same to Spark: sizes compared in bytes ({@code 48m},
   * {@code 48MB} and {@code 50331648b} are equal for a key read in MiB), times in their unit,
   * booleans and enums case-insensitively, numbers numerically, anything else as trimmed text. A
   * value Spark would reject is compared as text.
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
    Optional<SparkKeyTable.Key> k = SparkKeyTable.builtIn().find(key);
    String type = k.map(SparkKeyTable.Key::type).orElse("string");
    Optional<String> unit = k.flatMap(SparkKeyTable.Key::unit);
    try {
      switch (type) {
        case "size":
          long unitBytes = sizeUnitBytes(unit.orElse("b"));
          return ByteSizes.parse(x, unitBytes) == ByteSizes.parse(y, unitBytes);
        case "time":
          TimeUnit tu = timeUnit(unit.orElse("ms"));
          return SparkDurations.parse(x, tu) == SparkDurations.parse(y, tu);
        case "int":
          return Long.parseLong(x) == Long.parseLong(y);
        case "double":
          return Double.parseDouble(x) == Double.parseDouble(y);
        case "boolean":
        case "enum":
          return x.equalsIgnoreCase(y);
        default:
          return false;
      }
    } catch (DgxSparkException | NumberFormatException e) {
      return false;
    }
  }

  private static double parseFraction(String key, String text) {
    try {
      double d = Double.parseDouble(text.trim());
      if (d > 0 && !Double.isInfinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DgxSparkException(
        String.format(
            Locale.ROOT,
            "%s '%s' is not a factor; expected a number above 0, e.g. 0.1",
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
