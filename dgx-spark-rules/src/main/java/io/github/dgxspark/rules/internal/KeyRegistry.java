package io.github.dgxspark.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.core.EditDistance;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.rules.ConfigKey;
import io.github.dgxspark.rules.KeyType;
import io.github.dgxspark.rules.RulesException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The known keys of core's spark-config-keys.json (exact names, wildcard names and open prefixes)
 * with the types and ranges the rules check; defaults come from {@link SparkSemantics} for the
 * newest Spark.
 */
public final class KeyRegistry {
  static final String RESOURCE = "data/spark-config-keys.json";

  private final List<ConfigKey> keys;
  private final Map<String, ConfigKey> exact = new HashMap<>();
  private final List<Map.Entry<Pattern, ConfigKey>> wildcards = new ArrayList<>();
  private final List<String> openPrefixes;
  private final Map<Integer, List<String>> byLength = new HashMap<>();
  private final BoundedCache<String, Optional<ConfigKey>> found =
      new BoundedCache<>(4096, this::lookup);
  private final BoundedCache<String, Optional<String>> nearest2 =
      new BoundedCache<>(1024, this::nearest2);
  private final BoundedCache<String, Optional<String>> nearest3 =
      new BoundedCache<>(1024, this::nearest3);

  private KeyRegistry(List<ConfigKey> keys, List<String> openPrefixes) {
    this.keys = List.copyOf(keys);
    this.openPrefixes = List.copyOf(openPrefixes);
    for (ConfigKey k : keys) {
      if (k.name().contains("*")) {
        String regex = Pattern.quote(k.name()).replace("*", "\\E[^.]+\\Q");
        wildcards.add(Map.entry(Pattern.compile(regex), k));
      } else if (exact.put(k.name(), k) == null) {
        byLength.computeIfAbsent(k.name().length(), n -> new ArrayList<>()).add(k.name());
      } else {
        throw new RulesException(
            String.format(
                Locale.ROOT,
                "%s lists key '%s' twice; expected every key once",
                RESOURCE,
                k.name()));
      }
    }
  }

  /**
   * Loads the built-in key list.
   *
   * @return the registry
   * @throws RulesException if the file is broken; the message names the entry
   */
  public static KeyRegistry load() {
    JsonNode root = DataFiles.read("spark-config-keys.json");
    List<ConfigKey> keys = new ArrayList<>();
    for (JsonNode n : root.path("keys")) {
      keys.add(parse(n));
    }
    List<String> prefixes = new ArrayList<>();
    root.path("openPrefixes").forEach(p -> prefixes.add(p.asText()));
    return new KeyRegistry(keys, prefixes);
  }

  private static ConfigKey parse(JsonNode n) {
    String name = n.path("name").asText("");
    if (name.isEmpty()) {
      throw new RulesException(RESOURCE + " has a key entry without a name: " + n);
    }
    try {
      KeyType type = KeyType.parse(n.path("type").asText());
      List<String> allowed = new ArrayList<>();
      n.path("allowed").forEach(a -> allowed.add(a.asText().toUpperCase(Locale.ROOT)));
      if (type == KeyType.ENUM && allowed.isEmpty()) {
        throw new RulesException("an enum key needs an 'allowed' list");
      }
      Optional<String> unit = text(n, "unit");
      if ((type == KeyType.SIZE || type == KeyType.TIME) && unit.isEmpty()) {
        throw new RulesException("a size or time key needs a 'unit' for bare numbers");
      }
      return new ConfigKey(
          name,
          type,
          unit,
          SparkSemantics.defaultValue(name, SparkVersion.NEWEST),
          number(n, "min"),
          number(n, "max"),
          n.path("minExclusive").asBoolean(false),
          n.path("maxExclusive").asBoolean(false),
          allowed,
          n.hasNonNull("since") ? n.get("since").asText() : "",
          text(n, "deprecatedBy"));
    } catch (RulesException e) {
      throw new RulesException(
          String.format(Locale.ROOT, "%s entry '%s': %s", RESOURCE, name, e.getMessage()), e);
    }
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  private static OptionalDouble number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(v.asDouble());
  }

  /**
   * Every known key, in file order.
   *
   * @return the keys
   */
  public List<ConfigKey> keys() {
    return keys;
  }

  /**
   * The known key matching a name, wildcard entries included.
   *
   * @param name a property name
   * @return its entry, if known
   */
  public Optional<ConfigKey> find(String name) {
    ConfigKey k = exact.get(name);
    return k != null ? Optional.of(k) : found.get(name);
  }

  private Optional<ConfigKey> lookup(String name) {
    ConfigKey k = exact.get(name);
    if (k != null) {
      return Optional.of(k);
    }
    for (Map.Entry<Pattern, ConfigKey> w : wildcards) {
      if (w.getKey().matcher(name).matches()) {
        return Optional.of(w.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the key lies in a namespace whose keys are free-form (spark.hadoop.*, ...).
   *
   * @param name a property name
   * @return true under an open prefix
   */
  public boolean isOpen(String name) {
    for (String p : openPrefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The known key nearest to a name by edit distance, if it is within {@code maxDistance}.
   *
   * @param name the unknown key
   * @param maxDistance the largest edit distance accepted
   * @return the nearest known exact key
   */
  public Optional<String> nearest(String name, int maxDistance) {
    if (maxDistance == 2) {
      return nearest2.get(name);
    }
    return maxDistance == 3 ? nearest3.get(name) : search(name, maxDistance);
  }

  private Optional<String> nearest2(String name) {
    return search(name, 2);
  }

  private Optional<String> nearest3(String name) {
    return search(name, 3);
  }

  private Optional<String> search(String name, int maxDistance) {
    String best = null;
    int bestDistance = maxDistance + 1;
    for (int len = name.length() - maxDistance; len <= name.length() + maxDistance; len++) {
      for (String candidate : byLength.getOrDefault(len, List.of())) {
        int d = EditDistance.between(name, candidate, Math.min(bestDistance, maxDistance));
        if (d > maxDistance) {
          continue;
        }
        if (d < bestDistance || (d == bestDistance && candidate.compareTo(best) < 0)) {
          bestDistance = d;
          best = candidate;
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
