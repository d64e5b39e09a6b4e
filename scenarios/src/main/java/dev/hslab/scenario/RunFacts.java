package dev.hslab.scenario;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run did, read from its traces only (so any simulator's traces will do): the labels of
 * every message sent, and from each trace's recorded outcome whether every connection was
 * established, the first fatal alert and the timeouts; and what the last handshake negotiated.
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
      return Outcome.timeout(side, state, waitingFor).describe();
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
      established &= t.outcome().established();
      for (Outcome f : t.outcome().failures()) {
        if (f.kind() == Outcome.Kind.ALERT && alert.isEmpty()) {
          alert = Optional.of(new SentAlert(f.alert().rfcName(), f.side()));
        } else if (f.kind() == Outcome.Kind.TIMEOUT) {
          timeouts.add(new Timeout(f.side(), f.state(), f.waitingFor()));
        }
      }
      // The client's view of the last handshake: a renegotiation's Established comes after the first.
      for (EngineEvent e : t.engineEvents(Side.CLIENT)) {
        if (e instanceof EngineEvent.Established est) {
          negotiated = Optional.of(est.negotiated());
        }
      }
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
