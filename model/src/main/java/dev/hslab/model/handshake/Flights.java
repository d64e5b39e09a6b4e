package dev.hslab.model.handshake;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The first handshake's message flows (RFC 5246 §7.3 Figures 1 and 2, with RFC 4279's PSK,
 * RFC 5077's ticket and RFC 6101's SSL 3.0 variants) read off the two transition tables by
 * walking them from their initial states, once for every combination of the facts the guards
 * read: no flight is written here. An observer that sees only the messages on the wire, such as
 * the real-engine adapter, asks which message must come next.
 */
public final class Flights {

  /** One message of a flow: who sent which kind. */
  public record Sent(Side from, MessageKind kind) {}

  private static final List<ProtocolVersion> TLS_VERSIONS = List.of(ProtocolVersion.SSL3, ProtocolVersion.TLS12);
  private static final List<List<Sent>> FULL = walkAll(ClientTable.TABLE, ServerTable.TABLE, TLS_VERSIONS, false);
  private static final List<List<Sent>> ABBREVIATED = walkAll(ClientTable.TABLE, ServerTable.TABLE, TLS_VERSIONS, true);
  private static final List<List<Sent>> DTLS_FULL =
      walkAll(DtlsClientTable.TABLE, DtlsServerTable.TABLE, List.of(ProtocolVersion.DTLS12), false);
  private static final List<List<Sent>> DTLS_ABBREVIATED =
      walkAll(DtlsClientTable.TABLE, DtlsServerTable.TABLE, List.of(ProtocolVersion.DTLS12), true);

  private Flights() {}

  /** The complete first handshakes the tables allow, full or abbreviated (resumed). */
  public static List<List<Sent>> handshakes(boolean abbreviated) {
    return abbreviated ? ABBREVIATED : FULL;
  }

  /**
   * The complete first handshakes the DTLS tables allow ({@link DtlsClientTable}, {@link
   * DtlsServerTable}), full or abbreviated: RFC 6347 §4.2.4's message flights.
   */
  public static List<List<Sent>> dtlsHandshakes(boolean abbreviated) {
    return abbreviated ? DTLS_ABBREVIATED : DTLS_FULL;
  }

  /**
   * {@code flow} cut into flights (RFC 6347 §4.2.4): the runs of messages one side sends before
   * the other answers. A row of a table sends one flight, so the runs are the rows' emits.
   */
  public static List<List<Sent>> flights(List<Sent> flow) {
    List<List<Sent>> out = new ArrayList<>();
    List<Sent> current = new ArrayList<>();
    for (Sent m : flow) {
      if (!current.isEmpty() && current.get(0).from() != m.from()) {
        out.add(List.copyOf(current));
        current.clear();
      }
      current.add(m);
    }
    if (!current.isEmpty()) {
      out.add(List.copyOf(current));
    }
    return List.copyOf(out);
  }

  /** What {@code side} waits for before any message crossed the wire: its peer's first message. */
  public static MessageKind opening(Side side) {
    return FULL.get(0).stream().filter(m -> m.from() == side.peer()).findFirst().orElseThrow().kind();
  }

  /**
   * The first message sure to follow {@code last} from {@code sender} on the wire: the first that
   * every flow through that message sends after it, so optional messages are passed over (after a
   * ServerHello of a full handshake comes the ServerHelloDone, whatever stands in brackets between;
   * RFC 5246 §7.3). The flows are the abbreviated or the full ones as {@code abbreviated} says,
   * unless none of those carries {@code last}: then the message itself tells (a
   * ServerKeyExchange belongs to a full handshake). Empty when the handshake ends with it, or the
   * message is no part of a first handshake (data, a HelloRequest).
   */
  public static Optional<MessageKind> after(Side sender, MessageKind last, boolean abbreviated) {
    Sent seen = new Sent(sender, last);
    List<List<Sent>> flows = carrying(abbreviated ? ABBREVIATED : FULL, seen);
    if (flows.isEmpty()) {
      flows = carrying(abbreviated ? FULL : ABBREVIATED, seen);
    }
    List<List<Sent>> rests = new ArrayList<>();
    for (List<Sent> flow : flows) {
      rests.add(flow.subList(flow.indexOf(seen) + 1, flow.size()));
    }
    return firstInAll(rests).map(Sent::kind);
  }

  private static List<List<Sent>> carrying(List<List<Sent>> flows, Sent seen) {
    return flows.stream().filter(f -> f.contains(seen)).toList();
  }

  /** The first message of {@code rests.get(0)} that every one of {@code rests} holds. */
  private static Optional<Sent> firstInAll(List<List<Sent>> rests) {
    if (rests.isEmpty()) {
      return Optional.empty();
    }
    for (Sent m : rests.get(0)) {
      if (rests.stream().allMatch(r -> r.contains(m))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static List<List<Sent>> walkAll(TransitionTable<ClientState> client, TransitionTable<ServerState> server,
      List<ProtocolVersion> versions, boolean resumed) {
    List<List<Sent>> out = new ArrayList<>();
    for (ProtocolVersion version : versions) {
      for (KeyExchange kex : KeyExchange.values()) {
        for (int bits = 0; bits < 16; bits++) {
          Facts f = new Facts(version, kex, resumed, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0,
              (bits & 8) != 0, false, false);
          walk(client, server, f).filter(flow -> !out.contains(flow)).ifPresent(out::add);
        }
      }
    }
    return List.copyOf(out);
  }

  /** Both tables run against each other under {@code facts}; empty if the facts lead nowhere. */
  private static Optional<List<Sent>> walk(TransitionTable<ClientState> client, TransitionTable<ServerState> server,
      Facts facts) {
    Deque<Sent> wire = new ArrayDeque<>();
    List<Sent> flow = new ArrayList<>();
    Transition<ClientState> opening =
        client.select(client.initial(), Trigger.local(LocalEvent.START), facts).orElseThrow();
    ClientState c = opening.to();
    ServerState s = server.initial();
    send(Side.CLIENT, opening, facts, wire);
    while (!wire.isEmpty()) {
      Sent m = wire.poll();
      flow.add(m);
      Trigger on = Trigger.receive(m.kind());
      if (m.from() == Side.CLIENT) {
        Optional<Transition<ServerState>> t = server.select(s, on, facts);
        if (t.isEmpty()) {
          return Optional.empty();
        }
        s = t.get().to();
        send(Side.SERVER, t.get(), facts, wire);
      } else {
        Optional<Transition<ClientState>> t = client.select(c, on, facts);
        if (t.isEmpty()) {
          return Optional.empty();
        }
        c = t.get().to();
        send(Side.CLIENT, t.get(), facts, wire);
      }
    }
    boolean done = c.phase() == HandshakeState.Phase.ESTABLISHED && s.phase() == HandshakeState.Phase.ESTABLISHED;
    return done ? Optional.of(List.copyOf(flow)) : Optional.empty();
  }

  private static void send(Side from, Transition<?> row, Facts facts, Deque<Sent> wire) {
    for (Emit e : row.emits()) {
      if (e.applies(facts)) {
        wire.add(new Sent(from, e.kind()));
      }
    }
  }
}
