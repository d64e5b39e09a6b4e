package dev.hslab.model.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.record.Alert;
import dev.hslab.model.wire.AlertDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace carries its outcome: decided by the one rule when a run ends, or recorded as given. */
class TraceOutcomeTest {

  private static TraceEvent engine(Side side, EngineEvent e) {
    return new TraceEvent.OfEngine(0, side, e);
  }

  @Test
  void aLoopbackRunRecordsThatItWasEstablished() {
    Trace t = LoopbackRun.run(HandshakeConfig.reference()).get(0).trace();
    assertThat(t.outcome()).isEqualTo(Outcome.ESTABLISHED);
  }

  @Test
  void theFirstFatalThingIsTheOutcomeAndTheRestFollowInOrder() {
    Trace t = new Trace(List.of(
        engine(Side.SERVER, new EngineEvent.AlertSent(Alert.fatal(AlertDescription.BAD_RECORD_MAC), "bad MAC")),
        engine(Side.CLIENT, new EngineEvent.AlertReceived(Alert.fatal(AlertDescription.BAD_RECORD_MAC))),
        engine(Side.CLIENT, new EngineEvent.TimedOut("WAIT_FINISHED", "finished"))));
    assertThat(t.outcome().code()).isEqualTo("alert:server:bad_record_mac");
    assertThat(t.outcome().describe()).isEqualTo("server sent bad_record_mac (bad MAC)");
    assertThat(t.outcome().failures()).extracting(Outcome::code).containsExactly("alert:server:bad_record_mac",
        "alert_received:client:bad_record_mac", "timeout:client:WAIT_FINISHED:finished");
  }

  @Test
  void aWarningIsNoEndingAndAnUnfinishedSideIsNamed() {
    Trace t = new Trace(List.of(
        engine(Side.CLIENT, new EngineEvent.AlertReceived(Alert.warning(AlertDescription.CLOSE_NOTIFY)))));
    assertThat(t.outcome()).isEqualTo(Outcome.incomplete(null));
  }

  @Test
  void anOutcomeGivenWhenTheRunEndedIsKeptAsGiven() {
    Trace established = LoopbackRun.run(HandshakeConfig.reference()).get(0).trace();
    Outcome crashed = Outcome.crashed(Side.SERVER, "planted");
    Trace t = new Trace(established.events(), crashed);
    assertThat(t.outcome()).isEqualTo(crashed);
    assertThat(t.events()).isEqualTo(established.events());
  }
}
