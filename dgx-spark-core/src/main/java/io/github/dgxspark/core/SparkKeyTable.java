package io.github.dgxspark.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loader of {@code spark-config-keys.json}: every key of Spark's config registry with its type,
 * the unit of bare numbers, the version it appeared in, the version it was removed in, and its
 * default by version.
 */
final class SparkKeyTable {
  static final String RESOURCE = "data/spark-config-keys.json";
  private static final String FALLBACK_PREFIX = "<value of ";

  /**
   * One default that holds from {@code from} on, until the next range's {@code from}; an empty
   * value means no default in those versions.
   */
  record Range(SparkVersion from, Optional<String> value) {}

  /**
   * One word an enum key accepts, upper-case, with the releases that accept it when the table
   * records them (else every release with the key).
   */
  record Word(String value, Optional<SparkVersion> since, Optional<SparkVersion> removed) {
    boolean acceptedIn(SparkVersion v) {
      return since.map(s -> s.compareTo(v) <= 0).orElse(true)
          && removed.map(r -> v.compareTo(r) < 0).orElse(true);
    }
  }

  /**
   * One key.
   *
   * @param name the property name ({@code *} stands for one dotted segment)
   * @param type the value's type
   * @param unit the unit of a bare number for sizes (b, k, m, g) and times (us, ms, s, min)
   * @param min the smallest accepted value (sizes in bytes, times in milliseconds), if Spark checks
   *     one
   * @param max the largest accepted value (same units), if Spark checks one
   * @param minExclusive true when {@code min} itself is rejected
   * @param maxExclusive true when {@code max} itself is rejected
   * @param origin spark or rapids
   * @param since the first release with the key, if known
   * @param removed the first release without it, if any
   * @param defaults the defaults by version, oldest first; a value {@code <value of K>} means Spark
   *     falls back to key K
   * @param words the words an enum key accepts ({@code allowed}, with the versions of {@code
   *     allowedRanges}); empty for other keys
   */
  record Key(
      String name,
      KeyType type,
      Optional<String> unit,
      OptionalDouble min,
      OptionalDouble max,
      boolean minExclusive,
      boolean maxExclusive,
      String origin,
      Optional<SparkVersion> since,
      Optional<SparkVersion> removed,
      List<Range> defaults,
      Optional<String> computed,
      List<Range> pluginDefaults,
      Optional<String> deprecatedBy,
      List<Word> words) {

    Optional<String> defaultAt(SparkVersion v) {
      return valueAt(defaults, v);
    }

    /** The RAPIDS plugin's default in a plugin version; the plain default without version data. */
    Optional<String> pluginDefaultAt(SparkVersion plugin) {
      return pluginDefaults.isEmpty()
          ? defaultAt(SparkVersion.NEWEST)
          : valueAt(pluginDefaults, plugin);
    }

    /** The newest plugin's default, or the plain default. */
    Optional<String> newestPluginDefault() {
      return pluginDefaults.isEmpty()
          ? defaultAt(SparkVersion.NEWEST)
          : pluginDefaults.get(pluginDefaults.size() - 1).value();
    }

    private static Optional<String> valueAt(List<Range> ranges, SparkVersion v) {
      Optional<String> value = Optional.empty();
      for (Range r : ranges) {
        if (r.from().compareTo(v) <= 0) {
          value = r.value();
        }
      }
      return value;
    }

    boolean existsIn(SparkVersion v) {
      return since.map(s -> s.compareTo(v) <= 0).orElse(true)
          && removed.map(r -> v.compareTo(r) < 0).orElse(true);
    }
  }

  /** A per-resource key: prefix, resource name, field. */
  private static final Pattern RESOURCE_KEY =
      Pattern.compile(
          "(spark\\.(?:executor|driver|task|worker)\\.resource\\.)[^.*]+(\\.[A-Za-z]+)");

  private static final SparkKeyTable BUILT_IN = load();

  private final Map<String, Key> keys;
  private final List<String> openPrefixes;
  private final Map<String, List<String>> oldNames = new HashMap<>();

  private SparkKeyTable(Map<String, Key> keys, List<String> openPrefixes) {
    this.keys = Collections.unmodifiableMap(keys);
    this.openPrefixes = List.copyOf(openPrefixes);
    for (Key k : keys.values()) {
      k.deprecatedBy()
          .ifPresent(n -> oldNames.computeIfAbsent(n, x -> new ArrayList<>()).add(k.name()));
    }
  }

  /** The deprecated names Spark still reads for a key, in no particular order. */
  List<String> oldNames(String name) {
    return oldNames.getOrDefault(name, List.of());
  }

  static SparkKeyTable builtIn() {
    return BUILT_IN;
  }

  /** Every key, in file order. */
  Collection<Key> keys() {
    return keys.values();
  }

  /**
   * The entry of a key; a per-resource key such as {@code spark.executor.resource.gpu.amount} is
   * the table's {@code spark.executor.resource.*.amount} (Spark reads any resource name there:
   * ResourceUtils.scala, v3.0.0 on).
   */
  Optional<Key> find(String name) {
    Key k = keys.get(name);
    if (k == null) {
      Matcher m = RESOURCE_KEY.matcher(name);
      if (m.matches()) {
        k = keys.get(m.group(1) + "*" + m.group(2));
      }
    }
    return Optional.ofNullable(k);
  }

  boolean underOpenPrefix(String name) {
    for (String p : openPrefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The key a default of the form {@code <value of K>} falls back to.
   *
   * @param value a default value
   * @return K, if the value is a fallback
   */
  static Optional<String> fallbackKey(String value) {
    if (value.startsWith(FALLBACK_PREFIX) && value.endsWith(">")) {
      return Optional.of(value.substring(FALLBACK_PREFIX.length(), value.length() - 1).trim());
    }
    return Optional.empty();
  }

  private static SparkKeyTable load() {
    JsonNode root = DataFiles.read("spark-config-keys.json");
    Map<String, Key> keys = new LinkedHashMap<>();
    for (JsonNode n : root.path("keys")) {
      Key k = parse(n);
      if (keys.put(k.name(), k) != null) {
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "%s lists key '%s' twice; expected every key once",
                RESOURCE,
                k.name()));
      }
    }
    List<String> prefixes = new ArrayList<>();
    root.path("openPrefixes").forEach(p -> prefixes.add(p.asText()));
    return new SparkKeyTable(keys, prefixes);
  }

  private static Key parse(JsonNode n) {
    String name = n.path("name").asText("");
    if (name.isEmpty()) {
      throw new DgxSparkException(RESOURCE + " has a key entry without a name: " + n);
    }
    try {
      Optional<SparkVersion> since = version(n, "since");
      List<Range> defaults = new ArrayList<>();
      if (n.has("defaults") || n.has("pluginDefaults")) {
        if (n.has("default")) {
          throw new DgxSparkException(
              "has 'default' beside 'defaults' or 'pluginDefaults'; expected one of them");
        }
        defaults.addAll(ranges(n.path("defaults")));
      } else if (n.hasNonNull("default")) {
        defaults.add(
            new Range(
                since.orElse(new SparkVersion(0, 0, 0)), Optional.of(n.get("default").asText())));
      }
      KeyType type = KeyType.parse(n.path("type").asText("string"));
      Optional<String> unit =
          n.hasNonNull("unit") ? Optional.of(n.get("unit").asText()) : Optional.empty();
      if ((type == KeyType.SIZE || type == KeyType.TIME) && unit.isEmpty()) {
        throw new DgxSparkException("a size or time key needs a 'unit' for bare numbers");
      }
      List<Word> words = words(n);
      if (type == KeyType.ENUM && words.isEmpty()) {
        throw new DgxSparkException("an enum key needs an 'allowed' list");
      }
      return new Key(
          name,
          type,
          unit,
          number(n, "min"),
          number(n, "max"),
          n.path("minExclusive").asBoolean(false),
          n.path("maxExclusive").asBoolean(false),
          n.path("origin").asText("spark"),
          since,
          version(n, "removed"),
          List.copyOf(defaults),
          n.hasNonNull("computed") ? Optional.of(n.get("computed").asText()) : Optional.empty(),
          ranges(n.path("pluginDefaults")),
          n.hasNonNull("deprecatedBy")
              ? Optional.of(n.get("deprecatedBy").asText())
              : Optional.empty(),
          words);
    } catch (DgxSparkException e) {
      throw new DgxSparkException(
          String.format(Locale.ROOT, "%s entry '%s': %s", RESOURCE, name, e.getMessage()), e);
    }
  }

  // "allowed": words Spark 4.1.3 accepts; "allowedRanges": [{"value", "since", "removed"}] gives
  // the releases of words that came or went (a word of both lists takes the range)
  private static List<Word> words(JsonNode n) {
    Map<String, Word> words = new java.util.LinkedHashMap<>();
    for (JsonNode a : n.path("allowed")) {
      String w = a.asText().toUpperCase(Locale.ROOT);
      words.put(w, new Word(w, Optional.empty(), Optional.empty()));
    }
    for (JsonNode r : n.path("allowedRanges")) {
      String w = r.path("value").asText("").toUpperCase(Locale.ROOT);
      if (w.isEmpty()) {
        throw new DgxSparkException("an allowedRanges entry has no 'value': " + r);
      }
      words.put(w, new Word(w, version(r, "since"), version(r, "removed")));
    }
    return List.copyOf(words.values());
  }

  // {"from": version, "value": text or null}, in increasing order of "from"
  private static List<Range> ranges(JsonNode array) {
    List<Range> out = new ArrayList<>();
    SparkVersion previous = null;
    for (JsonNode r : array) {
      SparkVersion from = SparkVersion.parse(r.path("from").asText(""));
      if (previous != null && from.compareTo(previous) <= 0) {
        throw new DgxSparkException("ranges are not in increasing order of 'from' at " + from);
      }
      previous = from;
      JsonNode value = r.get("value");
      if (value == null) {
        throw new DgxSparkException(
            "a range has no 'value'; expected a text, or null for no default");
      }
      out.add(new Range(from, value.isNull() ? Optional.empty() : Optional.of(value.asText())));
    }
    return List.copyOf(out);
  }

  private static OptionalDouble number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(v.asDouble());
  }

  private static Optional<SparkVersion> version(JsonNode n, String field) {
    // Spark's registry gives some entries an empty version ("since unknown")
    return n.hasNonNull(field) && !n.get(field).asText().isBlank()
        ? Optional.of(SparkVersion.parse(n.get(field).asText()))
        : Optional.empty();
  }
}
