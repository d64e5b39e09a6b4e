package dev.hslab.actors.tcp;

import dev.hslab.model.trace.TraceEvent.TcpFlag;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * One end of a simulated TCP connection: the three-way handshake with SYN (or SYN-ACK)
 * retransmission (RFC 9293 §3.5, RFC 6298 §5 with its 1 s initial RTO, bounded like Linux's
 * tcp_syn_retries), then a {@link Sender} for the bytes this end writes and a {@link Receiver} for
 * the peer's. Every segment it sends acknowledges all it received (no delayed ACK); a segment
 * that holds data, or arrives out of order, or again, is owed an ACK, which the next data segment
 * carries or {@link #ackIfOwed} sends alone. No FIN: a run ends when both TLS engines are done.
 * Mutable; time is passed in.
 */
public final class Connection {

  /** RFC 9293 §3.3.2's states, those a handshake-sized connection goes through. */
  public enum State { LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, CLOSED }

  /** The initial sequence number of both ends: fixed, so that runs repeat (RFC 9293 §3.4.1 wants it unpredictable). */
  public static final long ISN = 0;

  /**
   * What one event led to.
   *
   * @param send the segments to put on the wire now, in order
   * @param delivered the peer's bytes now in order for the application
   * @param connected this event moved the connection to ESTABLISHED
   * @param failure why the connection just gave up (no answer to the SYN, or data unacknowledged
   *     after the bounded retransmissions: a reset), else null
   */
  public record Output(List<Segment> send, Bytes delivered, boolean connected, String failure) {
    static Output of(List<Segment> send) {
      return new Output(send, Bytes.EMPTY, false, null);
    }
  }

  private final TcpOptions options;
  private final boolean client;
  private final RtoEstimator rto;
  private final Sender sender;
  private Receiver receiver;
  private State state;
  private int synRetries;
  private double synSentAt;
  private double synDeadline = Double.NaN;
  private boolean ackOwed;

  private Connection(TcpOptions options, boolean client) {
    this.options = options;
    this.client = client;
    this.rto = new RtoEstimator(options);
    this.sender = new Sender(options, rto, ISN + 1);
    this.state = client ? State.CLOSED : State.LISTEN;
  }

  /** The active opener: {@link #open} sends its SYN. */
  public static Connection client(TcpOptions options) {
    return new Connection(options, true);
  }

  /** The passive opener, listening. */
  public static Connection server(TcpOptions options) {
    return new Connection(options, false);
  }

  public State state() {
    return state;
  }

  public Sender sender() {
    return sender;
  }

  public RtoEstimator rto() {
    return rto;
  }

  /** The client sends its SYN (RFC 9293 §3.5). */
  public Output open(double now) {
    if (!client || state != State.CLOSED) {
      throw new IllegalStateException("only a closed client opens, not a " + state + " " + (client ? "client" : "server"));
    }
    state = State.SYN_SENT;
    return Output.of(List.of(syn(now, false)));
  }

  /** The application writes bytes; they go out on the next {@link #flush}. */
  public void write(Bytes b) {
    sender.write(b);
  }

  /** Sends what the window allows of the written bytes (nothing before the handshake is done). */
  public Output flush(double now) {
    if (state != State.ESTABLISHED) {
      return Output.of(List.of());
    }
    return Output.of(data(sender.sendable(now)));
  }

  /** The pure ACK owed since the last segment this end sent, if any (RFC 9293 §3.10.7.4). */
  public List<Segment> ackIfOwed() {
    if (!ackOwed || state != State.ESTABLISHED) {
      return List.of();
    }
    return List.of(stamp(Segment.of(sender.nxt(), receiver.next(), Segment.flags(TcpFlag.ACK), Bytes.EMPTY, false)));
  }

  /** RCV.NXT: the peer's bytes this end has in order up to here (before the SYN: the first data byte). */
  public long received() {
    return receiver == null ? ISN + 1 : receiver.next();
  }

  /** Whether the sent SYN or data awaits its acknowledgment, or written data waits to be sent. */
  public boolean busy() {
    return state == State.SYN_SENT || state == State.SYN_RECEIVED || (state == State.ESTABLISHED && sender.busy());
  }

  /** When this end's retransmission timer expires (virtual ms), NaN when none runs. */
  public double deadline() {
    return switch (state) {
      case SYN_SENT, SYN_RECEIVED -> synDeadline;
      case ESTABLISHED -> sender.deadline();
      default -> Double.NaN;
    };
  }

  /** A segment from the peer arrived; a corrupted one fails its checksum and is dropped unseen. */
  public Output onSegment(Segment s, double now) {
    if (!s.intact() || state == State.CLOSED) {
      return Output.of(List.of());
    }
    switch (state) {
      case LISTEN -> {
        if (!s.has(TcpFlag.SYN)) {
          return Output.of(List.of());
        }
        receiver = new Receiver(s.seq() + 1);
        state = State.SYN_RECEIVED;
        return Output.of(List.of(syn(now, false)));
      }
      case SYN_SENT -> {
        if (!s.has(TcpFlag.SYN) || !s.has(TcpFlag.ACK) || s.ack() != ISN + 1) {
          return Output.of(List.of());
        }
        receiver = new Receiver(s.seq() + 1);
        established(now);
        ackOwed = true;
        return new Output(ackIfOwed(), Bytes.EMPTY, true, null);
      }
      case SYN_RECEIVED -> {
        if (s.has(TcpFlag.SYN) && !s.has(TcpFlag.ACK)) {
          // The client's SYN again: our SYN-ACK was lost or is late; answer it again.
          return Output.of(List.of(syn(now, true)));
        }
        if (!s.has(TcpFlag.ACK) || s.ack() != ISN + 1) {
          return Output.of(List.of());
        }
        established(now);
        Output rest = established(s, now);
        return new Output(rest.send(), rest.delivered(), true, rest.failure());
      }
      case ESTABLISHED -> {
        return established(s, now);
      }
      default -> {
        return Output.of(List.of());
      }
    }
  }

  private Output established(Segment s, double now) {
    List<Segment> out = new ArrayList<>();
    if (s.has(TcpFlag.SYN)) {
      ackOwed = true; // a retransmitted SYN-ACK: our ACK was lost
      return new Output(ackIfOwed(), Bytes.EMPTY, false, null);
    }
    Receiver.Accepted a = receiver.accept(s.seq(), s.payload());
    if (!s.payload().isEmpty()) {
      ackOwed = true; // in order, ahead of a gap, or again: RFC 9293 §3.10.7.4 acknowledges at once
    }
    if (s.has(TcpFlag.ACK)) {
      Sender.Result r = sender.onAck(s.ack(), s.payload().isEmpty(), now);
      out.addAll(data(r.send()));
    }
    return new Output(out, a.delivered(), false, null);
  }

  /** The retransmission timer expired. */
  public Output onTimeout(double now) {
    if (state == State.SYN_SENT || state == State.SYN_RECEIVED) {
      if (synRetries >= options.synRetries()) {
        state = State.CLOSED;
        synDeadline = Double.NaN;
        return new Output(List.of(), Bytes.EMPTY, false, (client ? "no SYN-ACK" : "no ACK of the SYN-ACK")
            + " after " + synRetries + " retransmissions of the " + (client ? "SYN" : "SYN-ACK"));
      }
      synRetries++;
      rto.backOff();
      return Output.of(List.of(syn(now, true)));
    }
    if (state != State.ESTABLISHED) {
      return Output.of(List.of());
    }
    long head = sender.una();
    Sender.Result r = sender.onTimeout(now);
    if (r.gaveUp()) {
      state = State.CLOSED;
      return new Output(List.of(), Bytes.EMPTY, false, "connection reset: byte " + head + " unacknowledged after "
          + options.maxRetransmissions() + " retransmissions");
    }
    return Output.of(data(r.send()));
  }

  private void established(double now) {
    state = State.ESTABLISHED;
    if (synRetries == 0) {
      rto.sample(now - synSentAt); // the SYN (or SYN-ACK) was sent once: Karn allows the sample
    } else {
      rto.afterSynTimeout(); // RFC 6298 §5.7
    }
    synDeadline = Double.NaN;
  }

  private Segment syn(double now, boolean again) {
    if (!again) {
      synSentAt = now;
    }
    synDeadline = now + rto.rto();
    return client ? Segment.of(ISN, 0, Segment.flags(TcpFlag.SYN), Bytes.EMPTY, again)
        : stamp(Segment.of(ISN, receiver.next(), Segment.flags(TcpFlag.SYN, TcpFlag.ACK), Bytes.EMPTY, again));
  }

  private List<Segment> data(List<Sender.Chunk> chunks) {
    List<Segment> out = new ArrayList<>();
    for (Sender.Chunk c : chunks) {
      out.add(stamp(Segment.of(c.seq(), receiver.next(), Segment.flags(TcpFlag.PSH, TcpFlag.ACK), c.payload(),
          c.retransmission())));
    }
    return out;
  }

  /** Every segment with ACK acknowledges all received so far: no ACK is owed after it. */
  private Segment stamp(Segment s) {
    ackOwed = false;
    return s;
  }
}
