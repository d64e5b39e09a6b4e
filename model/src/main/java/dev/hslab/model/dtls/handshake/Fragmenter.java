package dev.hslab.model.dtls.handshake;

import dev.hslab.model.dtls.Pmtu;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a handshake message into fragments that each fit one record of one datagram (RFC 6347
 * §4.2.3: "each DTLS handshake message MAY be fragmented over multiple DTLS records ... each of
 * which ... fit in a single IP datagram").
 */
public final class Fragmenter {

  private Fragmenter() {}

  /**
   * The largest fragment a record in a datagram of {@code pmtu} carries, with {@code
   * protectionOverhead} bytes of record protection: the record payload less the handshake header.
   */
  public static int maxFragmentLength(Pmtu pmtu, int protectionOverhead) {
    int n = pmtu.recordPayload(protectionOverhead) - HandshakeFragment.HEADER_LENGTH;
    if (n <= 0) {
      throw new IllegalArgumentException("PMTU " + pmtu.bytes() + " leaves no room for a handshake fragment");
    }
    return n;
  }

  /**
   * The fragments of {@code body}, in order, each at most {@code maxFragmentLength} bytes, the
   * same type, length and message_seq in each; an empty body is one empty fragment.
   */
  public static List<HandshakeFragment> fragment(int msgType, int messageSeq, Bytes body, int maxFragmentLength) {
    if (maxFragmentLength <= 0) {
      throw new IllegalArgumentException("fragment budget " + maxFragmentLength);
    }
    List<HandshakeFragment> out = new ArrayList<>();
    int off = 0;
    do {
      int end = Math.min(body.length(), off + maxFragmentLength);
      out.add(new HandshakeFragment(msgType, body.length(), messageSeq, off, body.slice(off, end)));
      off = end;
    } while (off < body.length());
    return out;
  }
}
