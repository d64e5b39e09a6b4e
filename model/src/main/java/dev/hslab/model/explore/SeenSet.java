package dev.hslab.model.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Adds {@code key}; true when it was not there before. */
  boolean add(byte[] key) {
    return add(key, key.length);
  }

  /** Adds the first {@code len} bytes of {@code key}, copying them only when they are new. */
  boolean add(byte[] key, int len) {
    if (size * 2 >= slots.length) {
      rehash();
    }
    int mask = slots.length - 1;
    for (int i = hash(key, 0, len) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == 0) {
        slots[i] = store(key, len) + 1;
        size++;
        return true;
      }
      if (matches(s - 1, key, len)) {
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

  private int store(byte[] key, int len) {
    if (used + len + 1 > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + len + 1));
    }
    int at = used;
    arena[used++] = (byte) len;
    System.arraycopy(key, 0, arena, used, len);
    used += len;
    return at;
  }

  private boolean matches(int at, byte[] key, int len) {
    return (arena[at] & 0xFF) == len && Arrays.equals(arena, at + 1, at + 1 + len, key, 0, len);
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

  /**
   * Eight bytes a step (a key is about 20 bytes: three steps where a byte-wise hash takes twenty),
   * each mixed by a multiply and shift, the last with a full 64-bit finaliser (MurmurHash3's
   * fmix64), so the low bits the table masks depend on every byte.
   */
  static int hash(byte[] b, int from, int len) {
    long h = len;
    int i = from;
    int end = from + len;
    for (; i + 8 <= end; i += 8) {
      h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
      h ^= h >>> 32;
    }
    long tail = 0;
    for (int shift = 0; i < end; i++, shift += 8) {
      tail |= (b[i] & 0xFFL) << shift;
    }
    h ^= tail;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }
}
