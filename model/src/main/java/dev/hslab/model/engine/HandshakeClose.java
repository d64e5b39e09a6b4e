package dev.hslab.model.engine;

import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.record.Alert;
import dev.hslab.model.wire.AlertDescription;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for a handshake ended by close_notify ({@link Outcome.Kind#CLOSED_DURING_HANDSHAKE}),
 * read from the engines' events as they happen: a side that has not completed its first handshake
 * receives close_notify and answers with close_notify before any fatal alert of its own (RFC 5246
 * §7.2.1: the other party MUST respond with a close_notify alert of its own). It reads the
 * receiving side's events only, so a bridge that sees one engine decides it the same way as a run
 * that sees both. A receiver that answers with a fatal alert instead (the model's tables:
 * unexpected_message) ends the run by that alert, not here.
 *
 * <p>Feed every event of every side in the order they happened ({@link #observe}); {@link #ending}
 * holds the outcome from the event that decided it on.
 */
public final class HandshakeClose {

  private final Map<Side, String> state = new EnumMap<>(Side.class);
  private final Map<Side, Boolean> established = new EnumMap<>(Side.class);
  /** Per side: 1 a Finished sent, 2 one received. */
  private final Map<Side, Integer> finishedSeen = new EnumMap<>(Side.class);
  private static final String FINISHED = "finished";
  /** The state a side was in when it received close_notify during its handshake, until it answers. */
  private final Map<Side, String> receivedIn = new EnumMap<>(Side.class);
  private Outcome ending;

  /**
   * One event of {@code side}'s engine.
   *
   * @return true when this event decided the ending
   */
  public boolean observe(Side side, EngineEvent e) {
    if (ending != null) {
      return false;
    }
    if (e instanceof EngineEvent.StateChanged sc) {
      state.put(side, sc.to());
    } else if (e instanceof EngineEvent.Established) {
      established.put(side, true);
    } else if (e instanceof EngineEvent.MessageSent ms && FINISHED.equals(ms.message().type())) {
      finished(side, 1);
    } else if (e instanceof EngineEvent.MessageReceived mr && FINISHED.equals(mr.message().type())) {
      finished(side, 2);
    } else if (e instanceof EngineEvent.MessageReceived mr && closeNotify(mr.message().alert())
        && !established.getOrDefault(side, false) && !receivedIn.containsKey(side)) {
      receivedIn.put(side, state.getOrDefault(side, "start")); // no change seen yet: the engine's first state
    } else if (e instanceof EngineEvent.AlertSent && receivedIn.containsKey(side)) {
      receivedIn.remove(side); // it answered with a fatal alert: that alert ends the run
    } else if (e instanceof EngineEvent.MessageSent ms && closeNotify(ms.message().alert()) && receivedIn.containsKey(side)) {
      ending = Outcome.closedDuringHandshake(side.peer(), receivedIn.get(side));
      return true;
    }
    return false;
  }

  /**
   * A side that has sent and received a Finished has completed its handshake (RFC 5246 §7.4.9),
   * whether or not its engine reports {@link EngineEvent.Established} (OpenSSL's process cannot
   * tell its negotiated parameters, so its adapter reports none).
   */
  private void finished(Side side, int bit) {
    int seen = finishedSeen.merge(side, bit, (a, b) -> a | b);
    if (seen == 3) {
      established.put(side, true);
    }
  }

  /** The handshake ended by close_notify, once decided. */
  public Optional<Outcome> ending() {
    return Optional.ofNullable(ending);
  }

  private static boolean closeNotify(Alert a) {
    return a != null && a.description() == AlertDescription.CLOSE_NOTIFY;
  }
}
