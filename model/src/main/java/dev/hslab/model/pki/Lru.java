package dev.hslab.model.pki;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small thread-safe map that drops its least recently used entry beyond {@code capacity}: what a
 * shared validator keeps of the issuers it has met. Values must be immutable (they are handed to
 * every thread that asks).
 */
final class Lru<K, V> {

  private final Map<K, V> map;

  Lru(int capacity) {
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The value of {@code key}, or null. */
  synchronized V get(K key) {
    return map.get(key);
  }

  /** Keeps {@code value} unless another thread put one first; returns the one kept. */
  synchronized V putIfAbsent(K key, V value) {
    V old = map.putIfAbsent(key, value);
    return old != null ? old : value;
  }
}
