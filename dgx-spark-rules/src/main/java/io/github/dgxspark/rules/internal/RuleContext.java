package io.github.dgxspark.rules.internal;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.core.Redaction;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.rules.CustomRuleContext;
import io.github.dgxspark.rules.Finding;
import io.github.dgxspark.rules.RuleEntry;
import io.github.dgxspark.rules.RulesException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@link Rule} sees while one config is validated: the properties, the hardware if known,
 * typed accessors that never throw, the rule's parameters, and the finding sink. The built-in rules
 * use all of it; a {@link io.github.dgxspark.rules.CustomRule} sees the {@link CustomRuleContext}
 * part.
 *
 * <p>Typed accessors return the explicit value when it is set and well-formed, else Spark's default
 * from the key list, else empty; a malformed explicit value gives empty (the syntax rules report
 * it). Sizes are bytes, times milliseconds. One context serves one validation on one thread.
 */
public final class RuleContext implements CustomRuleContext {
  /** The RAPIDS Accelerator's plugin class. */
  public static final String RAPIDS_PLUGIN = "com.nvidia.spark.SQLPlugin";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)\\}");
  private static final Object INVALID = new Object();
  private static final BoundedCache<String, Boolean> SECRET_KEYS =
      new BoundedCache<>(4096, Redaction::isSecretKey);

  private final Map<String, String> entries;
  private final Optional<ClusterSpec> hardware;
  private final KeyRegistry keys;
  private final SparkVersion sparkVersion;
  private final Optional<String> rapidsVersion;
  private final List<Finding> findings = new ArrayList<>();
  private Set<String> secrets;
  private final Set<String> secretKeys = new HashSet<>();
  private final List<Map<String, Object>> parsed = new ArrayList<>();
  private final boolean gpuRequested;
  private RuleEntry current;
  private SparkConfig semanticsConfig;

  /**
   * A context for one validation.
   *
   * @param entries the properties, unmodifiable
   * @param hardware the cluster, if given
   * @param keys the known keys
   * @param sparkVersion the Spark release validated for
   * @param rapidsVersion the RAPIDS Accelerator release, if named
   */
  public RuleContext(
      Map<String, String> entries,
      Optional<ClusterSpec> hardware,
      KeyRegistry keys,
      SparkVersion sparkVersion,
      Optional<String> rapidsVersion) {
    this.entries = entries;
    this.hardware = hardware;
    this.keys = keys;
    this.sparkVersion = sparkVersion;
    this.rapidsVersion = rapidsVersion;
    for (Map.Entry<String, String> e : entries.entrySet()) {
      if (SECRET_KEYS.get(e.getKey())) {
        secretKeys.add(e.getKey());
      }
    }
    for (int i = 0; i < KeyType.values().length; i++) {
      parsed.add(new HashMap<>());
    }
    this.gpuRequested = computeGpuRequested();
  }

  /**
   * Makes an entry the running rule: its parameters, message and severity serve the next reports.
   *
   * @param entry the rule's catalog entry
   */
  public void begin(RuleEntry entry) {
    this.current = entry;
  }

  /**
   * The findings reported so far, in report order.
   *
   * @return the findings
   */
  public List<Finding> findings() {
    return findings;
  }

  /**
   * All properties as given, in order.
   *
   * @return key → value, unmodifiable
   */
  @Override
  public Map<String, String> entries() {
    return entries;
  }

  /**
   * The hardware the config will run on, when the caller gave it.
   *
   * @return the cluster
   */
  @Override
  public Optional<ClusterSpec> hardware() {
    return hardware;
  }

  /**
   * The Spark release the config is for: keys, accepted values and defaults are those of this
   * release.
   *
   * @return the version ({@link SparkVersion#NEWEST} unless the caller named one)
   */
  @Override
  public SparkVersion sparkVersion() {
    return sparkVersion;
  }

  /**
   * Whether the key exists in {@link #sparkVersion()} (see {@link SparkSemantics#exists}).
   *
   * @param key the property name
   * @return true when that Spark reads the key
   */
  public boolean existsInVersion(String key) {
    return SparkSemantics.exists(key, sparkVersion);
  }

  /**
   * Whether Spark of {@link #sparkVersion()} accepts a value for a known key's type: for an enum
   * key, the words of that release ({@link SparkSemantics#allowedValues}); else as {@link
   * ConfigKey#accepts}.
   *
   * @param key the key list's entry
   * @param value the value as set
   * @return true if that Spark parses it
   */
  public boolean accepts(ConfigKey key, String value) {
    if (key.type() == KeyType.ENUM) {
      List<String> words = SparkSemantics.allowedValues(key.name(), sparkVersion);
      if (!words.isEmpty()) {
        return words.contains(value.trim().toUpperCase(Locale.ROOT));
      }
    }
    return key.accepts(value);
  }

  /**
   * The words an enum key accepts in {@link #sparkVersion()}, else the key list's words.
   *
   * @param key the key list's entry
   * @return upper-case words, empty for keys that are not enums
   */
  public List<String> allowedValues(ConfigKey key) {
    List<String> words = SparkSemantics.allowedValues(key.name(), sparkVersion);
    return words.isEmpty() ? key.allowed() : words;
  }

  /**
   * Spark's default for a key in {@link #sparkVersion()}; for a RAPIDS key, the default of the
   * plugin release the caller named, else of the newest plugin.
   *
   * @param key the property name
   * @return the default as Spark writes it, if any
   */
  public Optional<String> defaultValue(String key) {
    String name = keys.find(key).map(ConfigKey::name).orElse(key);
    if (name.startsWith("spark.rapids.") && rapidsVersion.isPresent()) {
      return SparkSemantics.rapidsDefaultValue(name, rapidsVersion.get());
    }
    return SparkSemantics.defaultValue(name, sparkVersion);
  }

  /**
   * The value of a key, trimmed as Spark trims it.
   *
   * @param key the property name
   * @return the value, if set
   */
  @Override
  public Optional<String> value(String key) {
    String v = entries.get(key);
    return v == null ? Optional.empty() : Optional.of(v.trim());
  }

  /**
   * Whether a key is set.
   *
   * @param key the property name
   * @return true if present
   */
  @Override
  public boolean isSet(String key) {
    return entries.containsKey(key);
  }

  /**
   * A value as it may be shown in a finding: redacted when the key names a secret, its secret parts
   * hidden otherwise (see {@link Redaction#redact}).
   *
   * @param key the property name
   * @return the value, {@link Redaction#REDACTED}, or an empty text when unset
   */
  @Override
  public String shown(String key) {
    String v = entries.get(key);
    if (v == null) {
      return "";
    }
    return secretKeys.contains(key) ? Redaction.REDACTED : Redaction.redact(key, v.trim());
  }

  /**
   * Whether a key of this config names a secret (see {@link Redaction#isSecretKey}).
   *
   * @param key a property name of this config
   * @return true for secret-bearing keys
   */
  public boolean isSecretKey(String key) {
    return entries.containsKey(key) ? secretKeys.contains(key) : SECRET_KEYS.get(key);
  }

  /**
   * The key list's entry for a key.
   *
   * @param key the property name
   * @return the known key, if any
   */
  public Optional<ConfigKey> keyInfo(String key) {
    return keys.find(key);
  }

  /**
   * The known key nearest to an unknown one.
   *
   * @param key the unknown property name
   * @param maxDistance the largest edit distance accepted
   * @return the nearest known key within that distance
   */
  public Optional<String> nearestKnownKey(String key, int maxDistance) {
    return keys.nearest(key, maxDistance);
  }

  /**
   * Whether a key lies in a namespace with free-form names ({@code spark.hadoop.}, {@code
   * spark.executorEnv.}, ...).
   *
   * @param key the property name
   * @return true if the key list declares its prefix open
   */
  public boolean isOpenNamespace(String key) {
    return keys.isOpen(key);
  }

  /**
   * A size in bytes: the explicit value (a bare number in the key's unit) or Spark's default.
   *
   * @param key a size key
   * @return bytes, or empty when unset without default, or malformed
   */
  @Override
  public OptionalLong bytes(String key) {
    Object o = typed(key, KeyType.SIZE);
    return o instanceof Long ? OptionalLong.of((Long) o) : OptionalLong.empty();
  }

  /**
   * A time in milliseconds: the explicit value (a bare number in the key's unit) or Spark's
   * default.
   *
   * @param key a time key
   * @return milliseconds, or empty when unset without default, or malformed
   */
  @Override
  public OptionalLong millis(String key) {
    Object o = typed(key, KeyType.TIME);
    return o instanceof Long ? OptionalLong.of((Long) o) : OptionalLong.empty();
  }

  /**
   * A whole number: the explicit value or Spark's default.
   *
   * @param key an integer key
   * @return the number, or empty when unset without default, or malformed
   */
  @Override
  public OptionalLong integer(String key) {
    Object o = typed(key, KeyType.INT);
    return o instanceof Long ? OptionalLong.of((Long) o) : OptionalLong.empty();
  }

  /**
   * A decimal number: the explicit value or Spark's default.
   *
   * @param key a number key
   * @return the number, or empty when unset without default, or malformed
   */
  @Override
  public OptionalDouble number(String key) {
    Object o = typed(key, KeyType.DOUBLE);
    return o instanceof Double ? OptionalDouble.of((Double) o) : OptionalDouble.empty();
  }

  /**
   * A boolean: the explicit value or Spark's default; false when neither is known or the value is
   * malformed.
   *
   * @param key a boolean key
   * @return the value
   */
  @Override
  public boolean flag(String key) {
    return Boolean.TRUE.equals(typed(key, KeyType.BOOLEAN));
  }

  /**
   * Whether the config asks for GPUs: the RAPIDS plugin, a GPU resource amount, or any {@code
   * spark.rapids.*} key.
   *
   * @return true in GPU mode
   */
  @Override
  public boolean gpuRequested() {
    return gpuRequested;
  }

  /**
   * Whether {@code spark.plugins} lists the RAPIDS Accelerator.
   *
   * @return true if the plugin is loaded
   */
  public boolean rapidsPluginLoaded() {
    return value("spark.plugins")
        .map(v -> List.of(v.split("\\s*,\\s*")).contains(RAPIDS_PLUGIN))
        .orElse(false);
  }

  /**
   * The cluster manager: from the hardware when given, else from {@code spark.master}.
   *
   * @return the manager, if it can be told
   */
  public Optional<ClusterManager> manager() {
    if (hardware.isPresent()) {
      return Optional.of(hardware.get().manager());
    }
    return value("spark.master").flatMap(SparkSemantics::clusterManager);
  }

  /**
   * Whether the application runs in one JVM ({@code local[N]}), where executor settings do not
   * apply.
   *
   * @return true for local mode
   */
  public boolean localMode() {
    return manager().map(m -> m == ClusterManager.LOCAL).orElse(false)
        || value("spark.master")
            .flatMap(SparkSemantics::clusterManager)
            .map(m -> m == ClusterManager.LOCAL)
            .orElse(false);
  }

  /**
   * The task threads of a {@code local[N]} master, N (or the node's cores for {@code local[*]}).
   *
   * @return N, if the master is local with a count
   */
  public OptionalInt localMasterCores() {
    Optional<String> master = value("spark.master");
    if (master.isEmpty()) {
      return OptionalInt.empty();
    }
    if (hardware.isPresent()) {
      return SparkSemantics.localModeCores(master.get(), hardware.get().node().logicalCores());
    }
    // local[*] without the hardware: the machine's cores are not known
    return master.get().contains("*")
        ? OptionalInt.empty()
        : SparkSemantics.localModeCores(master.get(), 0);
  }

  /**
   * Cores per executor: {@code spark.executor.cores}, else 1 (Spark's default on YARN and
   * Kubernetes).
   *
   * @return cores, 1 or more when valid; the raw value (possibly 0 or negative) when set
   */
  public long executorCores() {
    return integer("spark.executor.cores").orElse(1);
  }

  /**
   * Executor heap: {@code spark.executor.memory}, else Spark's 1g.
   *
   * @return bytes
   */
  public long executorMemoryBytes() {
    return bytes("spark.executor.memory").orElse(ByteSizes.GIB);
  }

  /**
   * Executor overhead: {@code spark.executor.memoryOverhead} when set, else max(minimum, factor ×
   * heap) as Spark derives it.
   *
   * @return bytes
   */
  public long executorOverheadBytes() {
    return overheadBytes("spark.executor.memoryOverhead", executorMemoryBytes());
  }

  /**
   * The smallest overhead Spark derives by itself for the executor or the driver ({@code
   * spark.executor.minMemoryOverhead} or the driver's, else 384 MiB), in the newest Spark.
   *
   * @param overheadKey {@code spark.executor.memoryOverhead} or {@code spark.driver.memoryOverhead}
   * @return bytes; 384 MiB when the minimum set is malformed (the syntax rules report it)
   */
  public long minMemoryOverheadBytes(String overheadKey) {
    try {
      return SparkSemantics.minMemoryOverheadBytes(overheadKey, semanticsConfig(), sparkVersion);
    } catch (DgxSparkException e) {
      return SparkSemantics.MIN_MEMORY_OVERHEAD_BYTES;
    }
  }

  // Spark's overhead for a heap in the newest Spark; a malformed overhead, factor or minimum (which
  // the syntax rules report) leaves Spark's derivation from the heap alone
  private long overheadBytes(String overheadKey, long heapBytes) {
    boolean driver = overheadKey.startsWith("spark.driver.");
    SparkConfig config = semanticsConfig();
    try {
      return driver
          ? SparkSemantics.driverMemoryOverheadBytes(config, heapBytes, sparkVersion)
          : SparkSemantics.memoryOverheadBytes(config, heapBytes, sparkVersion);
    } catch (DgxSparkException e) {
      return SparkSemantics.memoryOverheadBytes(SparkConfig.empty(), heapBytes, sparkVersion);
    }
  }

  // the properties as a SparkConfig for core's semantics (keys SparkConfig refuses are left out)
  private SparkConfig semanticsConfig() {
    if (semanticsConfig == null) {
      Map<String, String> wellFormed = new LinkedHashMap<>();
      entries.forEach(
          (k, v) -> {
            if (SparkConfig.isWellFormedKey(k) && k.indexOf('=') < 0) {
              wellFormed.put(k, v.trim());
            }
          });
      semanticsConfig = new SparkConfig(wellFormed);
    }
    return semanticsConfig;
  }

  /**
   * What one executor asks of its node: heap, overhead, off-heap (when enabled) and PySpark memory.
   *
   * @return bytes
   */
  public long executorFootprintBytes() {
    long offHeap =
        flag("spark.memory.offHeap.enabled") ? bytes("spark.memory.offHeap.size").orElse(0) : 0;
    long pyspark =
        isSet("spark.executor.pyspark.memory")
            ? bytes("spark.executor.pyspark.memory").orElse(0)
            : 0;
    return saturatedSum(executorMemoryBytes(), executorOverheadBytes(), offHeap, pyspark);
  }

  /**
   * Driver heap plus overhead: {@code spark.driver.memory} (default 1g) and {@code
   * spark.driver.memoryOverhead} (default derived by Spark's rule, see {@link
   * SparkSemantics#driverMemoryOverheadBytes}).
   *
   * @return bytes
   */
  public long driverFootprintBytes() {
    long heap = bytes("spark.driver.memory").orElse(ByteSizes.GIB);
    return saturatedSum(heap, overheadBytes("spark.driver.memoryOverhead", heap));
  }

  /**
   * Task slots the config asks for: executors × cores ÷ task CPUs, or the local master's threads.
   *
   * @return slots, if the executor count (or the hardware) tells them
   */
  public OptionalLong taskSlots() {
    long taskCpus = Math.max(1, integer("spark.task.cpus").orElse(1));
    if (localMode()) {
      OptionalInt n = localMasterCores();
      return n.isPresent()
          ? OptionalLong.of(Math.max(1, n.getAsInt() / taskCpus))
          : OptionalLong.empty();
    }
    long cores = Math.max(1, executorCores());
    OptionalLong instances =
        isSet("spark.executor.instances")
            ? integer("spark.executor.instances")
            : OptionalLong.empty();
    if (instances.isPresent()
        && instances.getAsLong() > 0
        && !flag("spark.dynamicAllocation.enabled")) {
      return OptionalLong.of(saturatedProduct(instances.getAsLong(), cores) / taskCpus);
    }
    if (hardware.isPresent()) {
      ClusterSpec h = hardware.get();
      long perNode = h.node().logicalCores() / cores;
      return OptionalLong.of(saturatedProduct(perNode * h.nodeCount(), cores) / taskCpus);
    }
    return OptionalLong.empty();
  }

  /**
   * A parameter of the running rule, in the unit its name says.
   *
   * @param name e.g. {@code maxHeapGib}
   * @return its value
   * @throws RulesException if the catalog entry has no such parameter (a catalog bug, caught by the
   *     catalog test)
   */
  @Override
  public double parameter(String name) {
    Double v = current.parameters().get(name);
    if (v == null) {
      throw new RulesException(
          String.format(
              Locale.ROOT,
              "rule '%s' reads parameter '%s' but the catalog gives only %s",
              current.name(),
              name,
              current.parameters().keySet()));
    }
    return v;
  }

  /**
   * Reports a finding of the running rule without a suggested value.
   *
   * @param keys the keys involved, at least one
   * @param values the message's placeholder values (parameters fill the rest)
   */
  @Override
  public void report(List<String> keys, Map<String, ?> values) {
    add(keys, values, Optional.empty());
  }

  /**
   * Reports a finding of the running rule.
   *
   * @param keys the keys involved, at least one
   * @param values the message's placeholder values (parameters fill the rest)
   * @param suggestedValue the value to set for the first key, or null when there is none
   */
  @Override
  public void report(List<String> keys, Map<String, ?> values, String suggestedValue) {
    add(keys, values, Optional.ofNullable(suggestedValue));
  }

  private void add(List<String> keys, Map<String, ?> values, Optional<String> suggestedValue) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(values, "values");
    Matcher m = PLACEHOLDER.matcher(current.message());
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (values.containsKey(name)) {
        replacement = redact(String.valueOf(values.get(name)));
      } else if (current.parameters().containsKey(name)) {
        replacement = formatNumber(current.parameters().get(name));
      } else {
        replacement = m.group();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    Optional<String> suggested = suggestedValue.map(this::redact);
    Optional<String> source =
        current.source().isBlank() ? Optional.empty() : Optional.of(current.source());
    findings.add(
        new Finding(
            current.name(),
            current.severity(),
            current.category(),
            keys,
            sb.toString(),
            suggested,
            source));
  }

  /**
   * Renders a number without a needless fraction: {@code 4} rather than {@code 4.0}.
   *
   * @param v the number
   * @return its text
   */
  public static String formatNumber(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%s", v);
  }

  private String redact(String text) {
    if (secrets == null) {
      // only when a finding is reported: most validations report few
      secrets = Redaction.secrets(entries);
    }
    return Redaction.redactText(text, secrets);
  }

  private boolean computeGpuRequested() {
    if (rapidsPluginLoaded()) {
      return true;
    }
    for (String k : entries.keySet()) {
      if (k.startsWith("spark.rapids.")
          || k.equals("spark.executor.resource.gpu.amount")
          || k.equals("spark.task.resource.gpu.amount")) {
        return true;
      }
    }
    return false;
  }

  private Object typed(String key, KeyType expected) {
    Map<String, Object> cache = parsed.get(expected.ordinal());
    Object cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<ConfigKey> info = keys.find(key);
    String text = entries.get(key);
    if (text == null) {
      text = defaultValue(key).orElse(null);
    }
    Object result = INVALID;
    if (text != null) {
      // Spark reads the value with the unit of the key's table entry
      result = expected.read(info.map(ConfigKey::name).orElse(key), text).orElse(INVALID);
    }
    cache.put(key, result);
    return result;
  }

  /**
   * Adds sizes, saturating at {@link Long#MAX_VALUE}.
   *
   * @param parts sizes, 0 or more
   * @return the sum
   */
  public static long saturatedSum(long... parts) {
    long sum = 0;
    for (long p : parts) {
      long q = Math.max(0, p);
      sum = Long.MAX_VALUE - sum < q ? Long.MAX_VALUE : sum + q;
    }
    return sum;
  }

  /**
   * Multiplies two non-negative numbers, saturating at {@link Long#MAX_VALUE}.
   *
   * @param a a number
   * @param b a number
   * @return the product
   */
  public static long saturatedProduct(long a, long b) {
    long x = Math.max(0, a);
    long y = Math.max(0, b);
    return y != 0 && x > Long.MAX_VALUE / y ? Long.MAX_VALUE : x * y;
  }
}
