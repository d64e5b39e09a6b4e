package dev.hslab.model.wire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One field a decoder read, where it lies in the message, for showing a message as Wireshark
 * does: its RFC name (the {@code what} the decoder passed to {@link WireReader}, e.g.
 * {@code client_version}, {@code cipher_suites}), its offset and length in bytes, its value as
 * read (a number for a uintN, else null: the bytes say it), and the fields inside it (a vector's
 * length and items, an extension's type and data).
 *
 * @param offset from the first byte of the whole message (the handshake header included)
 */
public record WireField(String name, int offset, int length, Long value, List<WireField> children) {

  public WireField {
    Objects.requireNonNull(name, "name");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(name + " at " + offset + " length " + length);
    }
    children = List.copyOf(children);
  }

  /** The end, exclusive. */
  public int end() {
    return offset + length;
  }

  /**
   * What a {@link WireReader} records while it reads, in reading order; {@link #fields()} nests
   * them by position, each field inside the nearest one that spans it.
   */
  public static final class Recorder {

    private record Entry(String name, int offset, int length, Long value, int order) {}

    private final List<Entry> entries = new ArrayList<>();

    void add(String name, int offset, int length, Long value) {
      entries.add(new Entry(name, offset, length, value, entries.size()));
    }

    /** The fields read, as a tree: outer fields first, siblings in wire order. */
    public List<WireField> fields() {
      List<Entry> sorted = new ArrayList<>(entries);
      // Outer before inner: by offset, then longest first, then the one recorded last (a group
      // is recorded after its contents were read, so it comes first among equal spans).
      sorted.sort(Comparator.comparingInt(Entry::offset).thenComparing(Comparator.comparingInt(Entry::length).reversed())
          .thenComparing(Comparator.comparingInt(Entry::order).reversed()));
      int[] at = {0};
      return nest(sorted, at, Integer.MAX_VALUE);
    }

    private static List<WireField> nest(List<Entry> sorted, int[] at, int end) {
      List<WireField> out = new ArrayList<>();
      while (at[0] < sorted.size()) {
        Entry e = sorted.get(at[0]);
        if (e.offset() + e.length() > end || (e.offset() >= end && end != Integer.MAX_VALUE)) {
          break;
        }
        at[0]++;
        List<WireField> inside = nest(sorted, at, e.offset() + e.length());
        out.add(new WireField(e.name(), e.offset(), e.length(), e.value(), inside));
      }
      return out;
    }
  }
}
