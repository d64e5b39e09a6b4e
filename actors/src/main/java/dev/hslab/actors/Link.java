package dev.hslab.actors;

import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated link under the TLS records (named apart from the explorer's {@code Channel}, a
 * FIFO of abstract messages). It decides what happens to one record: partitions, the aimed faults that target its message, and
 * the random faults, drawn in a fixed order (loss, corruption, truncation, duplication,
 * reordering, latency) from the seeded source; a probability of 0 draws nothing.
 */
final class Link {

  /** What to do with one record. */
  record Plan(boolean dropped, Bytes bytes, NetworkAction action, String detail, double latencyMs, double delayMs,
      boolean duplicate, boolean reorder, List<Fault> injections) {}

  private final NetworkOptions options;
  private final Draws random;
  private final boolean[] used;

  Link(NetworkOptions options, Draws random) {
    this.options = options;
    this.random = random;
    this.used = new boolean[options.faults().size()];
  }

  /**
   * @param type the message the record carries, or null when the sender's records and messages do
   *     not pair up (then no aimed fault can hit it)
   * @param nth which message of {@code type} from {@code from} this is, from 1
   */
  Plan decide(Side from, Bytes record, String type, int nth, double now) {
    List<Fault> aimed = new ArrayList<>();
    for (int i = 0; i < used.length; i++) {
      Fault f = options.faults().get(i);
      if (!used[i] && type != null && f.target().matches(from, type, nth)) {
        used[i] = true;
        aimed.add(f);
      }
    }
    List<Fault> injections = aimed.stream().filter(f -> f.kind() == FaultKind.INJECT).toList();
    for (Partition p : options.partitions()) {
      if (p.cuts(from, now)) {
        return dropped(p.describe(), injections);
      }
    }
    if (aimed.stream().anyMatch(f -> f.kind() == FaultKind.DROP)) {
      return dropped("drop:" + target(aimed, FaultKind.DROP), injections);
    }
    if (random.chance(options.loss())) {
      return dropped("random loss", injections);
    }
    Bytes bytes = record;
    NetworkAction action = NetworkAction.DELIVERED;
    List<String> detail = new ArrayList<>();
    for (Fault f : aimed) {
      if (f.argument() instanceof Fault.ByteOffset o && bytes.length() > 0) {
        int at = Math.min(o.offset(), bytes.length() - 1);
        bytes = flip(bytes, at, 0);
        action = first(action, NetworkAction.CORRUPTED);
        detail.add("byte " + at + " bit 0" + (at != o.offset() ? " (offset " + o.offset() + " beyond the record)" : ""));
      } else if (f.argument() instanceof Fault.BytesKept k) {
        int kept = Math.min(k.kept(), bytes.length());
        bytes = bytes.slice(0, kept);
        action = first(action, NetworkAction.TRUNCATED);
        detail.add("kept " + kept + " of " + record.length() + " bytes");
      }
    }
    if (bytes.length() > 0 && random.chance(options.corrupt())) {
      int bit = random.below(bytes.length() * 8);
      bytes = flip(bytes, bit / 8, bit % 8);
      action = first(action, NetworkAction.CORRUPTED);
      detail.add("byte " + bit / 8 + " bit " + bit % 8);
    }
    if (bytes.length() > 0 && random.chance(options.truncate())) {
      int kept = random.below(bytes.length());
      bytes = bytes.slice(0, kept);
      action = first(action, NetworkAction.TRUNCATED);
      detail.add("kept " + kept + " of " + record.length() + " bytes");
    }
    boolean duplicate = aimed.stream().anyMatch(f -> f.kind() == FaultKind.DUPLICATE) | random.chance(options.duplicate());
    boolean reorder = aimed.stream().anyMatch(f -> f.kind() == FaultKind.REORDER) | random.chance(options.reorder());
    if (reorder) {
      action = first(action, NetworkAction.REORDERED);
    }
    double delay = 0;
    for (Fault f : aimed) {
      if (f.argument() instanceof Fault.DelayMs d) {
        delay += d.ms();
        action = first(action, NetworkAction.DELAYED);
        detail.add(Network.ms(d.ms()) + " ms");
      }
    }
    double latency = options.latencyFrom(from).draw(random);
    return new Plan(false, bytes, action, String.join("; ", detail), latency, delay, duplicate, reorder, injections);
  }

  private Plan dropped(String why, List<Fault> injections) {
    return new Plan(true, Bytes.EMPTY, NetworkAction.DROPPED, why, 0, 0, false, false, injections);
  }

  private static String target(List<Fault> aimed, FaultKind kind) {
    return aimed.stream().filter(f -> f.kind() == kind).findFirst().map(f -> f.target().toString()).orElse("");
  }

  /** The first fault names the record's action; later ones only add to the detail. */
  private static NetworkAction first(NetworkAction current, NetworkAction next) {
    return current == NetworkAction.DELIVERED ? next : current;
  }

  static Bytes flip(Bytes b, int at, int bit) {
    byte[] x = b.toByteArray();
    x[at] ^= (byte) (1 << bit);
    return Bytes.wrap(x);
  }
}
