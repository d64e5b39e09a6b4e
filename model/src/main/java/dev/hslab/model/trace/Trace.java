package dev.hslab.model.trace;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.HandshakeClose;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.wire.AlertLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The events of one connection, in the order they happened, and how it ended: the outcome is
 * decided once, when the run ends, and every report reads it from here.
 *
 * @param outcome how the run ended, as the code that ended it decided
 */
public record Trace(List<TraceEvent> events, Outcome outcome) {

  public Trace {
    events = List.copyOf(events);
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * A run that ended when its engines had nothing more to do (the loopback, the actors' network):
   * its outcome is decided from its events by {@link #decide}.
   */
  public Trace(List<TraceEvent> events) {
    this(events, decide(events));
  }

  /**
   * A message put on the wire by {@code from}, numbered in sending order from 1.
   *
   * @param record the record that carried it, per sending side from 1; 0 when unknown (no network
   *     in the run, or records that do not pair up with messages)
   * @param fault what the network did to that record other than deliver it, or null
   */
  public record Sent(int n, double timeMs, Side from, MessageInfo message, int record, NetworkAction fault) {}

  /** Every message each side sent, in the order they were sent: the numbered sequence. */
  public List<Sent> sent() {
    List<Sent> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.MessageSent ms) {
        TraceEvent.Carriage c = oe.carriage();
        out.add(new Sent(out.size() + 1, e.timeMs(), oe.side(), ms.message(), c == null ? 0 : c.record(),
            c == null ? null : c.fault()));
      }
    }
    return out;
  }

  /** The sequence as {@code side.type} labels, e.g. {@code client.client_hello}, alerts by name. */
  public List<String> labels() {
    List<String> out = new ArrayList<>();
    for (Sent s : sent()) {
      out.add(s.from().label() + "." + s.message().label());
    }
    return out;
  }

  /**
   * When the handshake completed: the virtual time at which the later of the two endpoints became
   * established (its first {@link EngineEvent.Established}, so a renegotiation does not move it),
   * counted from time 0, when the client starts. Empty unless both sides became established.
   */
  public OptionalDouble handshakeCompletedAt() {
    double[] at = {Double.NaN, Double.NaN};
    for (TraceEvent e : events) {
      if (e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.Established
          && Double.isNaN(at[oe.side().ordinal()])) {
        at[oe.side().ordinal()] = e.timeMs();
      }
    }
    return Double.isNaN(at[0]) || Double.isNaN(at[1]) ? OptionalDouble.empty()
        : OptionalDouble.of(Math.max(at[0], at[1]));
  }

  /**
   * This trace without its events but for the ones the summaries of many connections read: the
   * outcome, and each side's first {@link EngineEvent.Established} (so {@link
   * #handshakeCompletedAt()} stays). What a batch run that does not keep traces hands back.
   */
  public Trace summary() {
    List<TraceEvent> kept = new ArrayList<>(2);
    boolean[] seen = new boolean[Side.values().length];
    for (TraceEvent e : events) {
      if (e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.Established
          && !seen[oe.side().ordinal()]) {
        seen[oe.side().ordinal()] = true;
        kept.add(e);
      }
    }
    return new Trace(kept, outcome);
  }

  /** The events one side's engine reported, in order. */
  public List<EngineEvent> engineEvents(Side side) {
    List<EngineEvent> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof TraceEvent.OfEngine oe && oe.side() == side) {
        out.add(oe.event());
      }
    }
    return out;
  }

  /**
   * How a run of two engines ended, the one rule for it: the first fatal thing (a fatal alert
   * sent, a fatal alert received that nobody sent, a timer that expired) or, when no failure came
   * before it, a handshake ended by close_notify ({@link HandshakeClose}), with every later failure
   * in {@link Outcome#further()}; else established when both sides completed a handshake, else
   * incomplete.
   */
  private static Outcome decide(List<TraceEvent> events) {
    List<Outcome> failures = new ArrayList<>();
    boolean[] done = new boolean[Side.values().length];
    HandshakeClose close = new HandshakeClose();
    Outcome closed = null;
    for (TraceEvent t : events) {
      if (!(t instanceof TraceEvent.OfEngine oe)) {
        continue;
      }
      EngineEvent e = oe.event();
      if (close.observe(oe.side(), e) && failures.isEmpty()) {
        closed = close.ending().orElseThrow();
      }
      if (e instanceof EngineEvent.AlertSent as && as.alert().level() == AlertLevel.FATAL) {
        failures.add(Outcome.alert(oe.side(), as.alert().description(), as.reason()));
      } else if (e instanceof EngineEvent.AlertReceived ar && ar.alert().level() == AlertLevel.FATAL) {
        failures.add(Outcome.alertReceived(oe.side(), ar.alert().description()));
      } else if (e instanceof EngineEvent.TimedOut to) {
        failures.add(Outcome.timeout(oe.side(), to.state(), to.waitingFor()));
      } else if (e instanceof EngineEvent.Established) {
        done[oe.side().ordinal()] = true;
      }
    }
    if (closed != null) {
      return closed.withFurther(failures);
    }
    if (!failures.isEmpty()) {
      return failures.get(0).withFurther(failures.subList(1, failures.size()));
    }
    boolean client = done[Side.CLIENT.ordinal()];
    boolean server = done[Side.SERVER.ordinal()];
    return client && server ? Outcome.ESTABLISHED
        : Outcome.incomplete(client ? Side.SERVER : server ? Side.CLIENT : null);
  }
}
