package dev.hslab.model.message.extension;

import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** Lists of raw uint8/uint16 code points (cipher suites, groups, schemes), kept raw so unknown codes round-trip. */
public final class UintLists {

  private UintLists() {}

  /** Reads the rest of {@code r} as uint16 codes; the caller has checked the vector bounds. */
  public static List<Integer> readUint16s(WireReader r, String what) throws TlsAlertException {
    r.requireMultipleOf(2, what);
    List<Integer> out = new ArrayList<>(r.remaining() / 2);
    while (r.hasRemaining()) {
      out.add(r.uint16(what));
    }
    return List.copyOf(out);
  }

  public static List<Integer> readUint8s(WireReader r, String what) throws TlsAlertException {
    List<Integer> out = new ArrayList<>(r.remaining());
    while (r.hasRemaining()) {
      out.add(r.uint8(what));
    }
    return List.copyOf(out);
  }

  /** Copies {@code codes} after checking each fits in {@code max} and the count is in range. */
  public static List<Integer> checked(List<Integer> codes, int max, int minCount, int maxCount, String what) {
    List<Integer> copy = List.copyOf(codes);
    if (copy.size() < minCount || copy.size() > maxCount) {
      throw new IllegalArgumentException(what + ": " + copy.size() + " entries outside " + minCount + ".." + maxCount);
    }
    for (int c : copy) {
      if (c < 0 || c > max) {
        throw new IllegalArgumentException(what + ": code out of range " + c);
      }
    }
    return copy;
  }

  public static String describe(List<Integer> codes, IntFunction<String> name) {
    return codes.stream().map(c -> name.apply(c)).collect(Collectors.joining(","));
  }
}
