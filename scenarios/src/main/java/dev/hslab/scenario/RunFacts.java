package dev.hslab.scenario;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.AlertLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run did, read from its traces only (so any simulator's traces will do): the labels of
 * every message sent, whether every connection was established, the first fatal alert, the
 * timeouts and what the last handshake negotiated.
 */
public record RunFacts(
    List<String> labels, boolean established, Optional<SentAlert> firstFatalAlert, List<Timeout> timeouts,
    Optional<Negotiated> negotiated) {

  /** A fatal alert and who sent it. */
  public record SentAlert(String name, Side from) {
    public String describe() {
      return name + " from " + from.label();
    }
  }

  /** A side whose handshake timer expired. */
  public record Timeout(Side side, String state, String waitingFor) {
    public String describe() {
      return side.label() + " timed out in " + state + " waiting for " + waitingFor;
    }
  }

  public RunFacts {
    labels = List.copyOf(labels);
    timeouts = List.copyOf(timeouts);
  }

  public static RunFacts of(List<Trace> connections) {
    List<String> labels = new ArrayList<>();
    Optional<SentAlert> alert = Optional.empty();
    List<Timeout> timeouts = new ArrayList<>();
    boolean established = !connections.isEmpty();
    Optional<Negotiated> negotiated = Optional.empty();
    for (Trace t : connections) {
      labels.addAll(t.labels());
      boolean[] done = new boolean[2];
      for (TraceEvent e : t.events()) {
        if (!(e instanceof TraceEvent.OfEngine oe)) {
          continue;
        }
        EngineEvent ev = oe.event();
        if (ev instanceof EngineEvent.Established est) {
          done[oe.side().ordinal()] = true;
          if (oe.side() == Side.CLIENT) {
            negotiated = Optional.of(est.negotiated());
          }
        } else if (ev instanceof EngineEvent.AlertSent a) {
          established = false;
          if (alert.isEmpty()) {
            alert = Optional.of(new SentAlert(a.alert().description().rfcName(), oe.side()));
          }
        } else if (ev instanceof EngineEvent.AlertReceived r && r.alert().level() == AlertLevel.FATAL) {
          established = false;
        } else if (ev instanceof EngineEvent.TimedOut to) {
          established = false;
          timeouts.add(new Timeout(oe.side(), to.state(), to.waitingFor()));
        }
      }
      established &= done[0] && done[1];
    }
    return new RunFacts(labels, established, alert, timeouts, established ? negotiated : Optional.empty());
  }

  /** The outcome in a few words: {@code established}, or {@code failed: bad_record_mac from server}. */
  public String describeOutcome() {
    if (established) {
      return "established";
    }
    List<String> why = new ArrayList<>();
    firstFatalAlert.ifPresent(a -> why.add(a.describe()));
    timeouts.forEach(t -> why.add(t.describe()));
    return why.isEmpty() ? "failed" : "failed (" + String.join("; ", why) + ")";
  }
}
