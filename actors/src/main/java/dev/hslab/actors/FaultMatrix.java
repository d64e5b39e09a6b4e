package dev.hslab.actors;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fault matrix (docs/cli.md {@code hslab faults}): every fault kind at every handshake
 * message of a configuration's clean run, each run through the actors, with what each side did
 * and the two invariants no fault may break — both sides established with different keys, or
 * application data delivered from a run whose handshake a fault broke.
 */
public final class FaultMatrix {

  /** The faults of the matrix; a delay beyond the 30 s handshake timer. */
  public static final List<FaultKind> KINDS = List.of(FaultKind.DROP, FaultKind.DUPLICATE, FaultKind.REORDER,
      FaultKind.CORRUPT, FaultKind.TRUNCATE, FaultKind.DELAY);

  static final double DELAY_MS = NetworkOptions.DEFAULT_HANDSHAKE_TIMEOUT_MS + 1_000;

  /** One fault at one message and what happened. */
  public record Cell(String message, FaultKind kind, String fault, String outcome, boolean keysAgree,
      boolean noDataAfterBreak) {
    public boolean ok() {
      return keysAgree && noDataAfterBreak;
    }
  }

  private FaultMatrix() {}

  /** The matrix with the records carried alone ({@link Transport#NONE}), as it has always run. */
  public static List<Cell> run(Simulator sim, HandshakeConfig hc) {
    return run(sim, hc, Transport.NONE);
  }

  /**
   * The matrix over {@code transport}. The aimed faults keep their meaning over TCP: they alter the
   * TLS byte stream above it (a middlebox), so TCP delivers what they made of a record, and TCP's
   * own SYN and ACKs only add time.
   */
  public static List<Cell> run(Simulator sim, HandshakeConfig hc, Transport transport) {
    NetworkOptions base = NetworkOptions.perfect().withTransport(transport);
    Trace clean = Simulations.connections(sim, hc, base, EngineFactory.MODEL, EngineFactory.MODEL)
        .get(0).trace();
    List<Cell> cells = new ArrayList<>();
    for (Target t : handshakeMessages(clean)) {
      for (FaultKind k : KINDS) {
        Fault fault = fault(k, t);
        NetworkOptions net = base.withFaults(List.of(fault));
        Trace trace = Simulations.connections(sim, hc, net, EngineFactory.MODEL, EngineFactory.MODEL).get(0).trace();
        cells.add(new Cell(t.target().toString(), k, fault.spec(), describe(trace), keysAgree(trace),
            noDataAfterBreak(trace)));
      }
    }
    return cells;
  }

  /** A message of the clean run, and the length of the record that carried it. */
  record Target(Fault.Target target, int recordLength) {}

  private static Fault fault(FaultKind k, Target t) {
    return switch (k) {
      case CORRUPT -> Fault.corrupt(t.target(), t.recordLength() - 1); // the last byte: the MAC or tag when protected
      case TRUNCATE -> Fault.truncate(t.target(), 5 + (t.recordLength() - 5) / 2); // the header and half the body
      case DELAY -> Fault.delay(t.target(), DELAY_MS);
      default -> Fault.of(k, t.target());
    };
  }

  /**
   * The handshake-layer messages (up to the first application data), each with the length of the
   * record that carried it (the trace's record number, looked up among the network's events).
   */
  static List<Target> handshakeMessages(Trace clean) {
    Map<Side, Map<Integer, Integer>> lengths = new EnumMap<>(Side.class);
    for (TraceEvent e : clean.events()) {
      if (e instanceof TraceEvent.OfNetwork n) {
        lengths.computeIfAbsent(n.from(), s -> new HashMap<>()).putIfAbsent(n.record(), n.bytes().length());
      }
    }
    List<Target> out = new ArrayList<>();
    Map<Side, Map<String, Integer>> seen = new EnumMap<>(Side.class);
    for (Trace.Sent s : clean.sent()) {
      if (s.message().type().equals("application_data")) {
        break;
      }
      int n = seen.computeIfAbsent(s.from(), x -> new HashMap<>()).merge(s.message().type(), 1, Integer::sum);
      Fault.Target target = new Fault.Target(s.from(), MessageKind.ofTypeName(s.message().type()), n);
      out.add(new Target(target, lengths.get(s.from()).get(s.record())));
    }
    return out;
  }

  /**
   * The failures of a run in trace order, as its recorded outcome lists them ({@code client sends
   * unexpected_message}, {@code server times out in WAIT_FINISHED waiting for finished}), or
   * {@code established} when there are none and both sides completed the handshake.
   */
  public static String describe(Trace trace) {
    List<String> out = new ArrayList<>();
    for (Outcome f : trace.outcome().failures()) {
      if (f.kind() == Outcome.Kind.ALERT) {
        out.add(f.side().label() + " sends " + f.alert().rfcName());
      } else if (f.kind() == Outcome.Kind.TIMEOUT) {
        out.add(f.side().label() + " times out in " + f.state() + " waiting for " + f.waitingFor());
      }
    }
    if (out.isEmpty()) {
      return trace.outcome().established() ? "established" : "incomplete";
    }
    return String.join(", ", out);
  }

  private static Optional<Negotiated> established(Trace trace, Side side) {
    return trace.engineEvents(side).stream().filter(e -> e instanceof EngineEvent.Established)
        .map(e -> ((EngineEvent.Established) e).negotiated()).findFirst();
  }

  /** Never are both sides established with different keys. */
  static boolean keysAgree(Trace trace) {
    Optional<Negotiated> c = established(trace, Side.CLIENT);
    Optional<Negotiated> s = established(trace, Side.SERVER);
    return c.isEmpty() || s.isEmpty() || c.get().masterSecret().equals(s.get().masterSecret());
  }

  /** No application data is delivered to a side that did not complete the handshake. */
  static boolean noDataAfterBreak(Trace trace) {
    for (Side side : Side.values()) {
      boolean data = trace.engineEvents(side).stream().anyMatch(e -> e instanceof EngineEvent.ApplicationDataReceived);
      if (data && established(trace, side).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
