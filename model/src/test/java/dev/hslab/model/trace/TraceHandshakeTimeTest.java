package dev.hslab.model.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.record.Alert;
import dev.hslab.model.wire.AlertDescription;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** When the handshake completed is read from the trace, once, and survives {@link Trace#summary()}. */
class TraceHandshakeTimeTest {

  private static TraceEvent at(double ms, Side side, EngineEvent e) {
    return new TraceEvent.OfEngine(ms, side, e);
  }

  private static EngineEvent established() {
    Negotiated any = LoopbackRun.run(HandshakeConfig.reference()).get(0).client().negotiated().orElseThrow();
    return new EngineEvent.Established(any);
  }

  @Test
  void isWhenTheLaterSideBecameEstablishedWhicheverSideThatIs() {
    EngineEvent est = established();
    Trace serverLast = new Trace(List.of(at(20, Side.CLIENT, est), at(25.5, Side.SERVER, est)));
    Trace clientLast = new Trace(List.of(at(15, Side.SERVER, est), at(20, Side.CLIENT, est)));
    assertThat(serverLast.handshakeCompletedAt()).isEqualTo(OptionalDouble.of(25.5));
    assertThat(clientLast.handshakeCompletedAt()).isEqualTo(OptionalDouble.of(20));
  }

  @Test
  void aRenegotiationDoesNotMoveIt() {
    EngineEvent est = established();
    Trace t = new Trace(List.of(at(15, Side.SERVER, est), at(20, Side.CLIENT, est), at(60, Side.SERVER, est),
        at(65, Side.CLIENT, est)));
    assertThat(t.handshakeCompletedAt()).isEqualTo(OptionalDouble.of(20));
  }

  @Test
  void isEmptyUnlessBothSidesBecameEstablished() {
    EngineEvent est = established();
    Trace oneSide = new Trace(List.of(at(15, Side.SERVER, est),
        at(30_015, Side.SERVER, new EngineEvent.TimedOut("ESTABLISHED", "application_data"))));
    assertThat(oneSide.handshakeCompletedAt()).isEmpty();
    Trace none = new Trace(List.of(at(3, Side.SERVER,
        new EngineEvent.AlertSent(Alert.fatal(AlertDescription.HANDSHAKE_FAILURE), "no common suite"))));
    assertThat(none.handshakeCompletedAt()).isEmpty();
  }

  @Test
  void theSummaryKeepsTheOutcomeAndTheHandshakeTimeAndDropsTheRest() {
    Trace full = LoopbackRun.run(HandshakeConfig.reference().withRenegotiation(
        dev.hslab.model.handshake.Renegotiation.CLIENT)).get(0).trace();
    Trace summary = full.summary();
    assertThat(full.events()).hasSizeGreaterThan(20);
    assertThat(summary.events()).hasSize(2).allSatisfy(e ->
        assertThat(((TraceEvent.OfEngine) e).event()).isInstanceOf(EngineEvent.Established.class));
    assertThat(summary.outcome()).isEqualTo(full.outcome()).isEqualTo(Outcome.ESTABLISHED);
    assertThat(summary.handshakeCompletedAt()).isEqualTo(full.handshakeCompletedAt()).isPresent();
    assertThat(summary.sent()).isEmpty();
  }

  @Test
  void theSummaryOfAFailedRunKeepsItsFailure() {
    Outcome crashed = Outcome.crashed(Side.SERVER, "planted");
    Trace t = new Trace(List.of(at(1, Side.CLIENT, new EngineEvent.TimedOut("WAIT_SERVER_HELLO", "server_hello"))),
        crashed);
    assertThat(t.summary().outcome()).isEqualTo(crashed);
    assertThat(t.summary().events()).isEmpty();
    assertThat(t.summary().handshakeCompletedAt()).isEmpty();
  }
}
