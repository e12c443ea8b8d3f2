package io.github.dgxspark.rules.internal;

import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.core.EditDistance;
import io.github.dgxspark.core.SparkSemantics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known keys as the rules look them up: core's key table ({@link SparkSemantics#knownKeys}, the
 * one reader of {@code spark-config-keys.json}) with a memo of lookups and the nearest known key to
 * a typo.
 */
public final class KeyRegistry {
  private static final KeyRegistry BUILT_IN = new KeyRegistry(SparkSemantics.knownKeys());

  private final List<ConfigKey> keys;
  private final Map<Integer, List<String>> byLength = new HashMap<>();
  private final BoundedCache<String, Optional<ConfigKey>> found =
      new BoundedCache<>(4096, SparkSemantics::knownKey);
  private final BoundedCache<String, Optional<String>> nearest2 =
      new BoundedCache<>(1024, this::nearest2);
  private final BoundedCache<String, Optional<String>> nearest3 =
      new BoundedCache<>(1024, this::nearest3);

  private KeyRegistry(List<ConfigKey> keys) {
    this.keys = keys;
    for (ConfigKey k : keys) {
      if (!k.name().contains("*")) {
        byLength.computeIfAbsent(k.name().length(), n -> new ArrayList<>()).add(k.name());
      }
    }
  }

  /**
   * The built-in key list.
   *
   * @return the registry
   */
  public static KeyRegistry load() {
    return BUILT_IN;
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
   * The known key matching a name, per-resource wildcard entries included.
   *
   * @param name a property name
   * @return its entry, if known
   */
  public Optional<ConfigKey> find(String name) {
    return found.get(name);
  }

  /**
   * Whether the key lies in a namespace whose keys are free-form (spark.hadoop.*, ...).
   *
   * @param name a property name
   * @return true under an open prefix
   */
  public boolean isOpen(String name) {
    return SparkSemantics.inOpenNamespace(name);
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
