package io.github.dgxspark.rules;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe memo of a pure function that stops growing at a fixed size (then it computes
 * without storing), so that adversarial inputs cannot exhaust memory.
 */
final class BoundedCache<K, V> {
  private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
  private final int maxSize;
  private final Function<K, V> function;

  BoundedCache(int maxSize, Function<K, V> function) {
    this.maxSize = maxSize;
    this.function = function;
  }

  V get(K key) {
    V v = map.get(key);
    if (v != null) {
      return v;
    }
    v = function.apply(key);
    if (map.size() < maxSize) {
      map.putIfAbsent(key, v);
    }
    return v;
  }
}
