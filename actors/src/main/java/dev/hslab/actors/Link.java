package dev.hslab.actors;

import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.actors.tcp.Segment;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated link under the TLS records; under TCP ({@link Transport#TCP}) the link under the
 * segments ({@link #segment}), while {@link #decide} keeps only the aimed faults: a middlebox that
 * alters the TLS byte stream above TCP (named apart from the explorer's {@code Channel}, a
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
  /** Under TCP the random faults, latency and partitions belong to the segments ({@link #segment}). */
  private final boolean middleboxOnly;

  Link(NetworkOptions options, Draws random) {
    this.options = options;
    this.random = random;
    this.used = new boolean[options.faults().size()];
    this.middleboxOnly = options.transport() == Transport.TCP;
  }

  /** What the link does to one TCP segment: lost, delivered (maybe corrupted), twice, held back. */
  record SegmentPlan(TraceEvent.SegmentFate fate, Segment segment, String detail, double latencyMs,
      boolean duplicate, boolean reorder) {}

  /**
   * Decides one segment's fate: partitions, then the random faults in the records' order (loss,
   * corruption, duplication, reordering) and the latency, from the same seeded source.
   */
  SegmentPlan segment(Side from, Segment s, double now) {
    for (Partition p : options.partitions()) {
      if (p.cuts(from, now)) {
        return new SegmentPlan(TraceEvent.SegmentFate.LOST, s, p.describe(), 0, false, false);
      }
    }
    if (random.chance(options.loss())) {
      return new SegmentPlan(TraceEvent.SegmentFate.LOST, s, "random loss", 0, false, false);
    }
    Segment out = s;
    TraceEvent.SegmentFate fate = TraceEvent.SegmentFate.DELIVERED;
    String detail = "";
    if (random.chance(options.corrupt())) {
      // A bit of the payload, or of the acknowledgment number when there is none.
      int bits = s.payload().isEmpty() ? 32 : s.payload().length() * 8;
      int bit = random.below(bits);
      out = s.payload().isEmpty() ? s.withAckBitFlipped(bit) : s.withPayloadBitFlipped(bit);
      fate = TraceEvent.SegmentFate.CORRUPTED;
      detail = (s.payload().isEmpty() ? "ack bit " + bit : "payload byte " + bit / 8 + " bit " + bit % 8)
          + "; checksum fails";
    }
    boolean duplicate = random.chance(options.duplicate());
    boolean reorder = random.chance(options.reorder());
    if (fate == TraceEvent.SegmentFate.DELIVERED) {
      fate = reorder ? TraceEvent.SegmentFate.REORDERED : duplicate ? TraceEvent.SegmentFate.DUPLICATED : fate;
    }
    double latency = options.latencyFrom(from).draw(random);
    return new SegmentPlan(fate, out, detail, latency, duplicate, reorder);
  }

  /** One message a record or datagram carries: its type and which of that type from its sender it is, from 1. */
  record Carried(String type, int nth) {}

  /**
   * @param type the message the record carries, or null when the sender's records and messages do
   *     not pair up (then no aimed fault can hit it)
   * @param nth which message of {@code type} from {@code from} this is, from 1
   */
  Plan decide(Side from, Bytes record, String type, int nth, double now) {
    return decide(from, record, type == null ? List.of() : List.of(new Carried(type, nth)), now);
  }

  /** The same for a record or datagram carrying {@code carried}: an aimed fault hits it when it targets any of them. */
  Plan decide(Side from, Bytes record, List<Carried> carried, double now) {
    List<Fault> aimed = new ArrayList<>();
    for (int i = 0; i < used.length; i++) {
      Fault f = options.faults().get(i);
      for (Carried c : carried) {
        if (!used[i] && f.target().matches(from, c.type(), c.nth())) {
          used[i] = true;
          aimed.add(f);
        }
      }
    }
    List<Fault> injections = aimed.stream().filter(f -> f.kind() == FaultKind.INJECT).toList();
    for (Partition p : middleboxOnly ? List.<Partition>of() : options.partitions()) {
      if (p.cuts(from, now)) {
        return dropped(p.describe(), injections);
      }
    }
    if (aimed.stream().anyMatch(f -> f.kind() == FaultKind.DROP)) {
      return dropped("drop:" + target(aimed, FaultKind.DROP), injections);
    }
    if (!middleboxOnly && random.chance(options.loss())) {
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
    if (!middleboxOnly && bytes.length() > 0 && random.chance(options.corrupt())) {
      int bit = random.below(bytes.length() * 8);
      bytes = flip(bytes, bit / 8, bit % 8);
      action = first(action, NetworkAction.CORRUPTED);
      detail.add("byte " + bit / 8 + " bit " + bit % 8);
    }
    if (!middleboxOnly && bytes.length() > 0 && random.chance(options.truncate())) {
      int kept = random.below(bytes.length());
      bytes = bytes.slice(0, kept);
      action = first(action, NetworkAction.TRUNCATED);
      detail.add("kept " + kept + " of " + record.length() + " bytes");
    }
    boolean duplicate = aimed.stream().anyMatch(f -> f.kind() == FaultKind.DUPLICATE) | (!middleboxOnly && random.chance(options.duplicate()));
    boolean reorder = aimed.stream().anyMatch(f -> f.kind() == FaultKind.REORDER) | (!middleboxOnly && random.chance(options.reorder()));
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
    double latency = middleboxOnly ? 0 : options.latencyFrom(from).draw(random);
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
