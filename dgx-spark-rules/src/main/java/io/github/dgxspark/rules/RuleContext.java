package io.github.dgxspark.rules;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.Redaction;
import io.github.dgxspark.core.SparkDurations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@link Rule} sees while one config is validated: the properties, the hardware if known,
 * typed accessors that never throw, the rule's parameters, and the finding sink.
 *
 * <p>Typed accessors return the explicit value when it is set and well-formed, else Spark's default
 * from the key list, else empty; a malformed explicit value gives empty (the syntax rules report
 * it). Sizes are bytes, times milliseconds. One context serves one validation on one thread.
 */
public final class RuleContext {
  /** The RAPIDS Accelerator's plugin class. */
  public static final String RAPIDS_PLUGIN = "com.nvidia.spark.SQLPlugin";

  /** Spark's minimum executor and driver overhead when none is set (384 MiB). */
  public static final long MIN_OVERHEAD_BYTES = 384 * ByteSizes.MIB;

  private static final Pattern LOCAL_MASTER =
      Pattern.compile("local(?:-cluster)?\\[(\\*|[0-9]+).*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)\\}");
  private static final Object INVALID = new Object();
  private static final BoundedCache<String, Boolean> SECRET_KEYS =
      new BoundedCache<>(4096, Redaction::isSecretKey);

  private final Map<String, String> entries;
  private final Optional<ClusterSpec> hardware;
  private final KeyRegistry keys;
  private final List<Finding> findings = new ArrayList<>();
  private Set<String> secrets;
  private final Set<String> secretKeys = new HashSet<>();
  private final List<Map<String, Object>> parsed = new ArrayList<>();
  private final boolean gpuRequested;
  private RuleEntry current;

  RuleContext(Map<String, String> entries, Optional<ClusterSpec> hardware, KeyRegistry keys) {
    this.entries = entries;
    this.hardware = hardware;
    this.keys = keys;
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

  void begin(RuleEntry entry) {
    this.current = entry;
  }

  List<Finding> findings() {
    return findings;
  }

  /**
   * All properties as given, in order.
   *
   * @return key → value, unmodifiable
   */
  public Map<String, String> entries() {
    return entries;
  }

  /**
   * The hardware the config will run on, when the caller gave it.
   *
   * @return the cluster
   */
  public Optional<ClusterSpec> hardware() {
    return hardware;
  }

  /**
   * The value of a key, trimmed as Spark trims it.
   *
   * @param key the property name
   * @return the value, if set
   */
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
  public boolean flag(String key) {
    return Boolean.TRUE.equals(typed(key, KeyType.BOOLEAN));
  }

  /**
   * Whether the config asks for GPUs: the RAPIDS plugin, a GPU resource amount, or any {@code
   * spark.rapids.*} key.
   *
   * @return true in GPU mode
   */
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
    Optional<String> master = value("spark.master");
    if (master.isEmpty()) {
      return Optional.empty();
    }
    String m = master.get().toLowerCase(Locale.ROOT);
    if (m.startsWith("local")) {
      return Optional.of(ClusterManager.LOCAL);
    }
    if (m.startsWith("spark://")) {
      return Optional.of(ClusterManager.STANDALONE);
    }
    if (m.startsWith("yarn")) {
      return Optional.of(ClusterManager.YARN);
    }
    if (m.startsWith("k8s://")) {
      return Optional.of(ClusterManager.KUBERNETES);
    }
    return Optional.empty();
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
            .map(m -> m.startsWith("local[") || m.equals("local"))
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
    if (master.get().equals("local")) {
      return OptionalInt.of(1);
    }
    Matcher m = LOCAL_MASTER.matcher(master.get());
    if (!m.matches() || master.get().startsWith("local-cluster")) {
      return OptionalInt.empty();
    }
    if (m.group(1).equals("*")) {
      return hardware.map(h -> OptionalInt.of(h.node().logicalCores())).orElse(OptionalInt.empty());
    }
    try {
      return OptionalInt.of(Integer.parseInt(m.group(1)));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
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
    OptionalLong explicit = bytes("spark.executor.memoryOverhead");
    if (isSet("spark.executor.memoryOverhead") && explicit.isPresent()) {
      return explicit.getAsLong();
    }
    double factor = number("spark.executor.memoryOverheadFactor").orElse(0.10);
    long min = bytes("spark.executor.minMemoryOverhead").orElse(MIN_OVERHEAD_BYTES);
    return Math.max(min, (long) (Math.max(0, factor) * executorMemoryBytes()));
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
   * spark.driver.memoryOverhead} (default max(384 MiB, 10 % of the heap)).
   *
   * @return bytes
   */
  public long driverFootprintBytes() {
    long heap = bytes("spark.driver.memory").orElse(ByteSizes.GIB);
    long overhead =
        isSet("spark.driver.memoryOverhead") && bytes("spark.driver.memoryOverhead").isPresent()
            ? bytes("spark.driver.memoryOverhead").getAsLong()
            : Math.max(MIN_OVERHEAD_BYTES, heap / 10);
    return saturatedSum(heap, overhead);
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
  public void report(List<String> keys, Map<String, ?> values) {
    report(keys, values, null);
  }

  /**
   * Reports a finding of the running rule.
   *
   * @param keys the keys involved, at least one
   * @param values the message's placeholder values (parameters fill the rest)
   * @param suggestedValue the value to set for the first key, or null when there is none
   */
  public void report(List<String> keys, Map<String, ?> values, String suggestedValue) {
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
    Optional<String> suggested = Optional.ofNullable(suggestedValue).map(this::redact);
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
      text = info.flatMap(ConfigKey::defaultValue).orElse(null);
    }
    Object result = INVALID;
    if (text != null) {
      result = parse(text, expected, info.flatMap(ConfigKey::unit));
    }
    cache.put(key, result);
    return result;
  }

  /**
   * Parses a value as Spark reads a key of the given type.
   *
   * @return a Long (sizes in bytes, times in ms, integers), Double, Boolean, or {@link #INVALID}
   */
  static Object parse(String text, KeyType type, Optional<String> unit) {
    String t = text.trim();
    try {
      switch (type) {
        case SIZE:
          return parseSizeBytes(t, unit.orElse("b"));
        case TIME:
          return parseTimeMillis(t, unit.orElse("ms"));
        case INT:
          return Long.valueOf(Long.parseLong(t));
        case DOUBLE:
          return Double.valueOf(Double.parseDouble(t));
        case BOOLEAN:
          if (t.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
          }
          return t.equalsIgnoreCase("false") ? Boolean.FALSE : INVALID;
        default:
          return t;
      }
    } catch (NumberFormatException | DgxSparkException | ArithmeticException e) {
      return INVALID;
    }
  }

  /** Whether {@link #parse} accepts the text (used by the syntax rules). */
  static boolean isValid(String text, KeyType type, Optional<String> unit) {
    return parse(text, type, unit) != INVALID;
  }

  /**
   * A size in bytes; bare numbers are read in {@code unit}.
   *
   * @throws DgxSparkException if Spark rejects the text
   * @throws ArithmeticException if the bytes overflow a long
   */
  static long parseSizeBytes(String text, String unit) {
    if (isDigits(text.trim())) {
      long unitBytes = ByteSizes.parseBytes("1" + unit);
      return Math.multiplyExact(ByteSizes.parse(text, unitBytes), unitBytes);
    }
    return ByteSizes.parseBytes(text);
  }

  /**
   * A time in milliseconds; bare numbers are read in {@code unit}.
   *
   * @throws DgxSparkException if Spark rejects the text
   */
  static long parseTimeMillis(String text, String unit) {
    String t = text.trim();
    if (isDigits(t.startsWith("-") ? t.substring(1) : t)) {
      TimeUnit u = timeUnit(unit);
      return TimeUnit.MILLISECONDS.convert(SparkDurations.parse(t, u), u);
    }
    return SparkDurations.parseMillis(t);
  }

  private static TimeUnit timeUnit(String unit) {
    switch (unit) {
      case "us":
        return TimeUnit.MICROSECONDS;
      case "s":
        return TimeUnit.SECONDS;
      case "min":
        return TimeUnit.MINUTES;
      case "h":
        return TimeUnit.HOURS;
      case "d":
        return TimeUnit.DAYS;
      default:
        return TimeUnit.MILLISECONDS;
    }
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
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
