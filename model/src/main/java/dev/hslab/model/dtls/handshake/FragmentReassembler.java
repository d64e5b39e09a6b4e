package dev.hslab.model.dtls.handshake;

import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembles handshake messages from fragments that arrive in any order, duplicated or
 * overlapping (RFC 6347 §4.2.3), and hands them out in message_seq order (§4.2.2: "the receiver
 * ... process[es] messages in order"). Each fragment gets an {@link Offer} the caller sees; a
 * fragment that cannot be used is dropped, never fatal (a datagram peer retransmits).
 *
 * <p>Memory follows the bytes received, never a claimed length: a message is kept as the
 * distinct byte ranges that arrived (an overlap keeps the bytes first received), and its buffer of
 * {@code length} bytes is allocated only once every byte of it is here. Messages are buffered at
 * most {@link #MAX_AHEAD} ahead of the next expected one, and no message may claim more than the
 * configured maximum.
 */
public final class FragmentReassembler {

  /** How far past the next expected message_seq fragments are kept: more than any flight holds. */
  public static final int MAX_AHEAD = 16;

  /** What became of one fragment. */
  public enum Offer {
    /** Some of its bytes were new, or it is the first fragment of an empty message (ServerHelloDone). */
    NEW_BYTES,
    /** Every byte of it was already here (a duplicate or a retransmission of a message in progress). */
    DUPLICATE,
    /** Its message was already handed out: the peer retransmits (RFC 6347 §4.2.4's trigger to resend a flight). */
    PREVIOUS_MESSAGE,
    /** Its message_seq is more than {@link #MAX_AHEAD} past the next expected. */
    TOO_FAR_AHEAD,
    /** Its msg_type or length differ from the earlier fragments of the same message_seq. */
    INCONSISTENT,
    /** Its length is over the maximum this reassembler accepts. */
    TOO_LONG
  }

  private final int maxMessageLength;
  private final Map<Integer, Partial> partials = new HashMap<>();
  private int nextSeq;
  private int buffered;

  /** Expects message_seq {@code firstSeq} first; refuses messages longer than {@code maxMessageLength}. */
  public FragmentReassembler(int firstSeq, int maxMessageLength) {
    if (firstSeq < 0 || firstSeq > 0xffff || maxMessageLength < 0 || maxMessageLength > HandshakeFragment.MAX_LENGTH) {
      throw new IllegalArgumentException("bad reassembler bounds " + firstSeq + ", " + maxMessageLength);
    }
    this.nextSeq = firstSeq;
    this.maxMessageLength = maxMessageLength;
  }

  /** Takes one fragment. */
  public Offer offer(HandshakeFragment f) {
    if (f.messageSeq() < nextSeq) {
      return Offer.PREVIOUS_MESSAGE;
    }
    if (f.messageSeq() - nextSeq >= MAX_AHEAD) {
      return Offer.TOO_FAR_AHEAD;
    }
    if (f.length() > maxMessageLength) {
      return Offer.TOO_LONG;
    }
    Partial p = partials.get(f.messageSeq());
    boolean first = p == null;
    if (first) {
      p = new Partial(f.msgType(), f.length());
      partials.put(f.messageSeq(), p);
    } else if (p.type != f.msgType() || p.length != f.length()) {
      return Offer.INCONSISTENT;
    }
    int added = p.add(f.fragmentOffset(), f.fragment());
    buffered += added;
    return added > 0 || (first && f.length() == 0) ? Offer.NEW_BYTES : Offer.DUPLICATE;
  }

  /** The messages complete in order from the next expected one, each as a whole fragment; advances. */
  public List<HandshakeFragment> take() {
    List<HandshakeFragment> out = new ArrayList<>();
    Partial p;
    while ((p = partials.get(nextSeq)) != null && p.covered == p.length) {
      partials.remove(nextSeq);
      buffered -= p.covered;
      out.add(HandshakeFragment.whole(p.type, nextSeq, p.assemble()));
      nextSeq++;
    }
    return out;
  }

  /** The message_seq expected next. */
  public int nextSeq() {
    return nextSeq;
  }

  /** Bytes held for messages not yet complete: at most the fragment bytes received. */
  public int bufferedBytes() {
    return buffered;
  }

  /** One message in progress: the distinct byte ranges received, by offset. */
  private static final class Partial {
    final int type;
    final int length;
    final TreeMap<Integer, byte[]> ranges = new TreeMap<>();
    int covered;

    Partial(int type, int length) {
      this.type = type;
      this.length = length;
    }

    /** Stores the parts of [off, off + data.length) not yet held; returns how many bytes were new. */
    int add(int off, Bytes data) {
      int end = off + data.length();
      int pos = off;
      Map.Entry<Integer, byte[]> before = ranges.floorEntry(pos);
      if (before != null) {
        pos = Math.max(pos, before.getKey() + before.getValue().length);
      }
      int added = 0;
      while (pos < end) {
        Map.Entry<Integer, byte[]> next = ranges.ceilingEntry(pos);
        int stop = next == null ? end : Math.min(end, next.getKey());
        if (stop > pos) {
          byte[] piece = new byte[stop - pos];
          data.copyTo(pos - off, piece, 0, piece.length);
          ranges.put(pos, piece);
          added += piece.length;
        }
        if (next == null || next.getKey() >= end) {
          break;
        }
        pos = next.getKey() + next.getValue().length;
      }
      covered += added;
      return added;
    }

    Bytes assemble() {
      byte[] out = new byte[length];
      ranges.forEach((off, piece) -> System.arraycopy(piece, 0, out, off, piece.length));
      return Bytes.wrap(out);
    }
  }
}
