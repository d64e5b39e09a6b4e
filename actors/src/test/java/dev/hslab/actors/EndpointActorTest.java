package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.BehaviorTestKit;
import akka.actor.testkit.typed.javadsl.TestInbox;
import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.handshake.Side;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One endpoint on its own (docs/style.md §19, level one): events in, the engine's outputs and timer requests out. */
class EndpointActorTest {

  private static final HandshakeConfig REF = HandshakeConfig.reference();
  private static final Credentials CREDS = Credentials.forSeed(1);

  @Test
  void startSendsTheClientHelloAndArmsTheHandshakeTimer() {
    TestInbox<NetworkActor.Command> net = TestInbox.create();
    var engine = ModelEngine.create(EngineConfigs.client(REF, CREDS, 1, Optional.empty()));
    BehaviorTestKit<EndpointActor.Command> kit = BehaviorTestKit.create(
        EndpointActor.create(engine, net.getRef(), NetworkOptions.perfect()));
    kit.run(new EndpointActor.Start());
    NetworkActor.Answered a = (NetworkActor.Answered) net.receiveMessage();
    assertThat(a.side()).isEqualTo(Side.CLIENT);
    assertThat(a.answer().step().records()).hasSize(1);
    assertThat(a.answer().step().records().get(0).get(5)).isEqualTo((byte) 1); // handshake type client_hello
    assertThat(a.answer().status()).isEqualTo(new Answer.Status("WAIT_SERVER_HELLO", false, false));
    assertThat(a.answer().timers()).containsExactly(new TimerRequest.Arm(TimerKind.HANDSHAKE, 30_000));
  }

  @Test
  void anExpiredHandshakeTimerTimesTheEngineOutAndCancelsNothingFurther() {
    TestInbox<NetworkActor.Command> net = TestInbox.create();
    var engine = ModelEngine.create(EngineConfigs.client(REF, CREDS, 1, Optional.empty()));
    BehaviorTestKit<EndpointActor.Command> kit = BehaviorTestKit.create(
        EndpointActor.create(engine, net.getRef(), NetworkOptions.perfect()));
    kit.run(new EndpointActor.Start());
    net.receiveMessage();
    kit.run(new EndpointActor.Expire(TimerKind.HANDSHAKE));
    NetworkActor.Answered a = (NetworkActor.Answered) net.receiveMessage();
    assertThat(a.answer().step().events()).contains(
        new dev.hslab.model.engine.EngineEvent.TimedOut("WAIT_SERVER_HELLO", "server_hello"));
    assertThat(a.answer().status().terminal()).isTrue();
    assertThat(a.answer().timers()).isEmpty();
  }

  @Test
  void aThrowingEngineIsReportedAndTheEndpointStops() {
    TestInbox<NetworkActor.Command> net = TestInbox.create();
    var engine = new ThrowingEngine(ModelEngine.create(EngineConfigs.server(REF, CREDS, 1, null)), 1);
    BehaviorTestKit<EndpointActor.Command> kit = BehaviorTestKit.create(
        EndpointActor.create(engine, net.getRef(), NetworkOptions.perfect()));
    kit.run(new EndpointActor.Deliver(dev.hslab.model.wire.Bytes.fromHex("1603030000")));
    assertThat(net.getAllReceived()).containsExactly(new NetworkActor.Crashed(Side.SERVER,
        "throwing engine threw java.lang.IllegalStateException: planted failure on receive 1"));
    assertThat(kit.isAlive()).isFalse();
  }

  @Test
  void establishedTrafficReArmsTheIdleTimerAndCancelsTheHandshakeTimer() {
    EndpointTimers t = new EndpointTimers(30_000, 60_000);
    var engine = ModelEngine.create(EngineConfigs.client(REF, CREDS, 1, Optional.empty()));
    assertThat(t.after(engine, false)).containsExactly(new TimerRequest.Arm(TimerKind.HANDSHAKE, 30_000));
    assertThat(t.after(engine, true)).isEmpty(); // still handshaking: the timer runs on, not re-armed
    List<TimerRequest> none = t.after(engine, true);
    assertThat(none).isEmpty();
  }
}
