package io.github.dgxspark.rules.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe memo of a pure function that stops growing at a fixed size (then it computes
 * without storing), so that adversarial inputs cannot exhaust memory.
 *
 * @param <K> the argument type
 * @param <V> the value type
 */
public final class BoundedCache<K, V> {
  private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
  private final int maxSize;
  private final Function<K, V> function;

  /**
   * A memo of a function.
   *
   * @param maxSize the most entries kept
   * @param function the pure function
   */
  public BoundedCache(int maxSize, Function<K, V> function) {
    this.maxSize = maxSize;
    this.function = function;
  }

  /**
   * The function's value, from the memo when there.
   *
   * @param key the argument
   * @return the value
   */
  public V get(K key) {
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
