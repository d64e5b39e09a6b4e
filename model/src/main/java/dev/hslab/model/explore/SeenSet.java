package dev.hslab.model.explore;

import java.util.Arrays;

/**
 * The visited set, keyed by the exact canonical encoding (no fingerprints, so no collisions):
 * keys live back to back in one byte arena and an open-addressing table of int offsets points
 * into it. {@link #add} says whether the state is new (TLC's {@code FPSet.put}).
 */
final class SeenSet {

  private byte[] arena = new byte[1 << 10];
  private int used;
  private int[] slots = new int[1 << 7]; // offset + 1; 0 = empty
  private int size;

  /** Adds {@code key}; true when it was not there before. */
  boolean add(byte[] key) {
    if (size * 2 >= slots.length) {
      rehash();
    }
    int mask = slots.length - 1;
    for (int i = hash(key, 0, key.length) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == 0) {
        slots[i] = store(key) + 1;
        size++;
        return true;
      }
      if (matches(s - 1, key)) {
        return false;
      }
    }
  }

  int size() {
    return size;
  }

  /** Bytes this set holds per state: key, its length byte, and the table slots (at least half empty). */
  double bytesPerState() {
    return size == 0 ? 0 : ((double) used + 4.0 * slots.length) / size;
  }

  /** Bytes of encoded keys alone, per state. */
  double keyBytesPerState() {
    return size == 0 ? 0 : (double) (used - size) / size;
  }

  private int store(byte[] key) {
    if (used + key.length + 1 > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + key.length + 1));
    }
    int at = used;
    arena[used++] = (byte) key.length;
    System.arraycopy(key, 0, arena, used, key.length);
    used += key.length;
    return at;
  }

  private boolean matches(int at, byte[] key) {
    int len = arena[at] & 0xFF;
    return len == key.length && Arrays.equals(arena, at + 1, at + 1 + len, key, 0, len);
  }

  private void rehash() {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length - 1;
    for (int s : old) {
      if (s != 0) {
        int at = s - 1;
        int i = hash(arena, at + 1, arena[at] & 0xFF) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  private static int hash(byte[] b, int from, int len) {
    int h = 0x9E3779B9;
    for (int i = from; i < from + len; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
