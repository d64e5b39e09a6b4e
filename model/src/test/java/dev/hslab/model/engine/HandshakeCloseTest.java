package dev.hslab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.record.Alert;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 5246 §7.2.1: "Either party may initiate a close by sending a close_notify alert ... The
 * other party MUST respond with a close_notify alert of its own". A handshake ended that way is
 * its own ending, decided from the receiver's events; a fatal alert in place of the answer is not.
 */
class HandshakeCloseTest {

  private static final Alert CLOSE = Alert.warning(AlertDescription.CLOSE_NOTIFY);
  private static final Alert UNEXPECTED = Alert.fatal(AlertDescription.UNEXPECTED_MESSAGE);

  private final List<TraceEvent> events = new ArrayList<>();

  @Test
  void aCloseNotifyAnsweredBeforeTheHandshakeCompletedEndsTheRunAsSuch() {
    on(Side.CLIENT, new EngineEvent.StateChanged("start", "handshaking"));
    on(Side.SERVER, new EngineEvent.MessageSent(alert(CLOSE)));
    on(Side.CLIENT, new EngineEvent.MessageReceived(alert(CLOSE)));
    on(Side.CLIENT, new EngineEvent.StateChanged("handshaking", "failed"));
    on(Side.CLIENT, new EngineEvent.MessageSent(alert(CLOSE)));
    // The model server refuses the answer (its tables): a later failure, not the ending.
    on(Side.SERVER, new EngineEvent.AlertSent(UNEXPECTED, "close_notify_alert not allowed in WAIT_FINISHED"));

    Outcome o = new Trace(events).outcome();

    assertThat(o.code()).isEqualTo("closed_during_handshake:server:handshaking");
    assertThat(o.describe()).isEqualTo(
        "server sent close_notify during the handshake, client answered with close_notify (in state handshaking)");
    assertThat(o.explorerLabel()).isEqualTo("closed during handshake by server");
    assertThat(o.established()).isFalse();
    assertThat(o.failures()).extracting(Outcome::code).containsExactly("alert:server:unexpected_message");
  }

  @Test
  void aFatalAlertInPlaceOfTheAnswerEndsTheRunByThatAlert() {
    on(Side.CLIENT, new EngineEvent.StateChanged("start", "WAIT_SERVER_HELLO"));
    on(Side.CLIENT, new EngineEvent.MessageReceived(alert(CLOSE)));
    on(Side.CLIENT, new EngineEvent.AlertSent(UNEXPECTED, "close_notify not allowed"));
    on(Side.CLIENT, new EngineEvent.MessageSent(alert(UNEXPECTED)));

    assertThat(new Trace(events).outcome()).isEqualTo(
        Outcome.alert(Side.CLIENT, AlertDescription.UNEXPECTED_MESSAGE, "close_notify not allowed"));
  }

  @Test
  void closeNotifyAfterTheHandshakeIsNoneOfIt() {
    HandshakeClose close = new HandshakeClose();
    close.observe(Side.CLIENT, new EngineEvent.Established(null));
    close.observe(Side.CLIENT, new EngineEvent.MessageReceived(alert(CLOSE)));

    assertThat(close.observe(Side.CLIENT, new EngineEvent.MessageSent(alert(CLOSE)))).isFalse();
    assertThat(close.ending()).isEmpty();
  }

  /** An engine that reports no Established (OpenSSL's adapter) has completed once both Finished crossed. */
  @Test
  void bothFinishedCrossedIsACompletedHandshakeToo() {
    HandshakeClose close = new HandshakeClose();
    MessageInfo finished = new MessageInfo("finished", MessageKind.FINISHED, null, 16, false, true, "finished", Bytes.EMPTY);
    close.observe(Side.SERVER, new EngineEvent.MessageReceived(finished));
    close.observe(Side.SERVER, new EngineEvent.MessageSent(finished));
    close.observe(Side.SERVER, new EngineEvent.MessageReceived(alert(CLOSE)));

    assertThat(close.observe(Side.SERVER, new EngineEvent.MessageSent(alert(CLOSE)))).isFalse();
    assertThat(close.ending()).isEmpty();
  }

  @Test
  void anAnswerNeedsAReceivedCloseNotify() {
    HandshakeClose close = new HandshakeClose();

    assertThat(close.observe(Side.CLIENT, new EngineEvent.MessageSent(alert(CLOSE)))).isFalse();
    assertThat(close.ending()).isEmpty();
  }

  private void on(Side side, EngineEvent e) {
    events.add(new TraceEvent.OfEngine(events.size(), side, e));
  }

  private static MessageInfo alert(Alert a) {
    Bytes enc = a.encode();
    return new MessageInfo("alert", a.description() == AlertDescription.CLOSE_NOTIFY ? MessageKind.CLOSE_NOTIFY_ALERT : null,
        a, enc.length(), false, false, a.describe(), enc);
  }
}
