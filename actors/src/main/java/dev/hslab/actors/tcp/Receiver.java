package dev.hslab.actors.tcp;

import dev.hslab.model.wire.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receiving half of a connection: it hands the application only the bytes that follow, in
 * order, what it handed before; keeps segments that arrive ahead of a gap until the gap is filled;
 * discards bytes it already has (RFC 9293 §3.10.7.4, "segment arrives"). Mutable.
 */
public final class Receiver {

  private long next;
  private final TreeMap<Long, Bytes> ahead = new TreeMap<>();

  /** @param next the first sequence number expected (the peer's ISN + 1) */
  public Receiver(long next) {
    this.next = next;
  }

  /** RCV.NXT: the cumulative acknowledgment to send. */
  public long next() {
    return next;
  }

  /** What one segment's payload brought: the new in-order bytes (maybe empty) and whether any byte was new. */
  public record Accepted(Bytes delivered, boolean duplicate) {}

  /** Takes a payload starting at {@code seq}; returns the bytes now deliverable in order. */
  public Accepted accept(long seq, Bytes payload) {
    long end = seq + payload.length();
    if (payload.isEmpty() || end <= next) {
      return new Accepted(Bytes.EMPTY, !payload.isEmpty());
    }
    boolean known = ahead.containsKey(seq) && ahead.get(seq).length() >= payload.length();
    if (seq > next) {
      if (!known) {
        ahead.put(seq, payload);
      }
      return new Accepted(Bytes.EMPTY, known);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Trim what came before: only bytes from RCV.NXT on are new.
    Bytes fresh = payload.slice((int) (next - seq), payload.length());
    out.writeBytes(fresh.toByteArray());
    next = end;
    // Gaps now filled: the kept segments that start at or before RCV.NXT.
    while (!ahead.isEmpty() && ahead.firstKey() <= next) {
      Map.Entry<Long, Bytes> e = ahead.pollFirstEntry();
      long eEnd = e.getKey() + e.getValue().length();
      if (eEnd > next) {
        out.writeBytes(e.getValue().slice((int) (next - e.getKey()), e.getValue().length()).toByteArray());
        next = eEnd;
      }
    }
    return new Accepted(Bytes.wrap(out.toByteArray()), false);
  }
}
