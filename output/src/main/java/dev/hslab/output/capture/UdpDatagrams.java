package dev.hslab.output.capture;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a DTLS trace out as UDP datagrams (RFC 768) between the capture's two addresses, the
 * server on {@link #DTLS_PORT}: one datagram per network event of the trace, its payload the DTLS
 * datagram. As for a TCP capture of records ({@link TcpConversation}), the capture is what each
 * endpoint received: a dropped datagram is not in it, the copy sent again after a retransmission
 * timer is (RFC 6347 §4.2.4), and so is a duplicate. Timestamps are the trace's virtual time,
 * strictly increasing by {@link TcpConversation#STEP_MICROS} where time does not advance.
 */
final class UdpDatagrams {

  /** The server's port, as in the examples of DTLS servers (e.g. {@code openssl s_server -dtls} tutorials use 4433). */
  static final int DTLS_PORT = 4433;

  /** One datagram as the capture shows it. */
  record Datagram(long timeMicros, Side from, Bytes payload) {}

  private UdpDatagrams() {}

  /**
   * Whether {@code trace} is a DTLS run: its network events carry DTLS records, whose version's
   * major byte is 254 (RFC 6347 §4.1). A DTLS datagram stays one whatever carried it in the
   * simulation, so it is captured as UDP.
   */
  static boolean isDtls(Trace trace) {
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfNetwork n && TcpConversation.carriesBytes(n) && n.bytes().length() >= 3) {
        return n.bytes().getUnsigned(1) == 254;
      }
    }
    return false;
  }

  static List<Datagram> of(Trace trace) {
    List<Datagram> out = new ArrayList<>();
    long last = -TcpConversation.STEP_MICROS;
    for (TraceEvent e : trace.events()) {
      if (e instanceof TraceEvent.OfNetwork n && TcpConversation.carriesBytes(n)) {
        long micros = Double.isFinite(n.timeMs()) && n.timeMs() > 0 ? Math.round(n.timeMs() * 1000.0) : 0;
        last = Math.max(micros, last + TcpConversation.STEP_MICROS);
        out.add(new Datagram(last, n.from(), n.bytes()));
      }
    }
    return List.copyOf(out);
  }
}
