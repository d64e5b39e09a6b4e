package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.Step;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.Fault.Target;
import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.wire.Bytes;
import dev.hslab.output.trace.SentMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the network does in virtual time: latency, order, partitions, injection, timeouts. */
class NetworkBehaviourTest {

  private static final Simulator SIM = Simulator.start();
  private static final HandshakeConfig REF = HandshakeConfig.reference();

  @AfterAll
  static void stop() {
    SIM.close();
  }

  private static List<TraceEvent.OfNetwork> network(ConnectionResult r) {
    return r.trace().events().stream().filter(e -> e instanceof TraceEvent.OfNetwork)
        .map(e -> (TraceEvent.OfNetwork) e).toList();
  }

  @Test
  void latencyIsVirtualTimeAndRecordsArriveInOrderPerDirection() {
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withLatency(new Latency.Uniform(5, 500), new Latency.Normal(100, 60)));
    assertThat(r.outcome().established()).isTrue();
    for (Side s : Side.values()) {
      List<TraceEvent.OfNetwork> from = network(r).stream().filter(n -> n.from() == s).toList();
      for (int i = 1; i < from.size(); i++) {
        assertThat(from.get(i).record()).isEqualTo(from.get(i - 1).record() + 1);
        assertThat(from.get(i).timeMs()).isGreaterThanOrEqualTo(from.get(i - 1).timeMs());
      }
    }
    // Seven one-way trips at 5 ms or more each.
    assertThat(r.endTimeMs()).isGreaterThan(35);
  }

  @Test
  void aThirtySecondTimeoutCostsNoRealTime() {
    long start = System.nanoTime();
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withFaults(List.of(Fault.of(FaultKind.DROP, new Target(Side.CLIENT, MessageKind.FINISHED)))));
    assertThat(r.endTimeMs()).isEqualTo(NetworkOptions.DEFAULT_HANDSHAKE_TIMEOUT_MS);
    assertThat(r.outcome().kind()).isEqualTo(Outcome.Kind.TIMEOUT);
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(NetworkOptions.DEFAULT_HANDSHAKE_TIMEOUT_MS / 1000);
  }

  @Test
  void aPartitionLosesWhatIsSentInsideItsWindowOnly() {
    // The server's first flight leaves at 1 ms: cut server-to-client traffic from 0.5 to 1.5 ms.
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withPartitions(List.of(new Partition(0.5, 1.5, Side.SERVER))));
    assertThat(network(r).stream().filter(n -> n.action() == NetworkAction.DROPPED).map(TraceEvent.OfNetwork::record))
        .containsExactly(1, 2, 3, 4);
    assertThat(network(r)).filteredOn(n -> n.action() == NetworkAction.DROPPED)
        .allSatisfy(n -> assertThat(n.detail()).isEqualTo("partition 0.5-1.5 ms"));
    assertThat(network(r)).filteredOn(n -> n.from() == Side.CLIENT).allSatisfy(n -> assertThat(n.action())
        .isEqualTo(NetworkAction.DELIVERED));
    assertThat(FaultRuns.failures(r.trace())).contains("client times out in WAIT_SERVER_HELLO");
  }

  @Test
  void aDelayShowsInTheTraceAndTheSequenceGetsItsFault() {
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withFaults(List.of(Fault.delay(new Target(Side.SERVER, MessageKind.SERVER_HELLO_DONE), 3000))));
    assertThat(r.outcome().established()).isTrue();
    TraceEvent.OfNetwork d = network(r).stream().filter(n -> n.action() == NetworkAction.DELAYED).findFirst().orElseThrow();
    assertThat(d.from()).isEqualTo(Side.SERVER);
    assertThat(d.record()).isEqualTo(4);
    assertThat(d.detail()).isEqualTo("3000 ms");
    assertThat(d.timeMs()).isEqualTo(3002.0); // sent at 1 ms, 1 ms latency, 3000 ms delay
    // The output module pairs it with the right message (README-trace-schema.md).
    List<SentMessage> sent = SentMessage.of(r.trace());
    assertThat(sent).filteredOn(m -> m.fault() != null).singleElement().satisfies(m -> {
      assertThat(m.sent().message().type()).isEqualTo("server_hello_done");
      assertThat(m.fault()).isEqualTo("delayed");
    });
  }

  /**
   * The trace says which record carried each message and what the network did to it, as the
   * network decided: the numbers are those of the network's own events, counted per sending side.
   */
  @Test
  void eachSentMessageCarriesItsRecordNumberAndFault() {
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect().withFaults(List.of(
        Fault.of(FaultKind.DUPLICATE, new Target(Side.SERVER, MessageKind.SERVER_HELLO)),
        Fault.of(FaultKind.DROP, new Target(Side.SERVER, MessageKind.SERVER_HELLO_DONE)))));
    List<Trace.Sent> sent = r.trace().sent();
    assertThat(sent).isNotEmpty();
    for (Side side : Side.values()) {
      List<Trace.Sent> mine = sent.stream().filter(s -> s.from() == side).toList();
      for (int k = 0; k < mine.size(); k++) {
        Trace.Sent s = mine.get(k);
        assertThat(s.record()).as(s.toString()).isEqualTo(k + 1); // one message per record, in order
        List<TraceEvent.OfNetwork> events = network(r).stream()
            .filter(n -> n.from() == side && n.record() == s.record()).toList();
        assertThat(events).as(s.toString()).isNotEmpty();
        NetworkAction first = events.stream().map(TraceEvent.OfNetwork::action)
            .filter(a -> a != NetworkAction.DELIVERED).findFirst().orElse(null);
        assertThat(s.fault()).as(s.toString()).isEqualTo(first);
      }
    }
    assertThat(sent).filteredOn(s -> s.fault() != null)
        .extracting(s -> s.from().label() + "." + s.message().type() + "@" + s.record() + "=" + s.fault().label())
        .containsExactly("server.server_hello@1=duplicated", "server.server_hello_done@4=dropped");
    assertThat(SentMessage.of(r.trace())).allSatisfy(m -> {
      assertThat(m.record()).isEqualTo(m.sent().record());
      assertThat(m.network()).allSatisfy(n -> assertThat(n.record()).isEqualTo(m.record()));
    });
  }

  @Test
  void faultsOnNeighbouringRecordsStayPairedWithTheirMessages() {
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect().withFaults(List.of(
        Fault.of(FaultKind.REORDER, new Target(Side.CLIENT, MessageKind.CHANGE_CIPHER_SPEC)), Fault.of(FaultKind.DUPLICATE, new Target(Side.SERVER, MessageKind.SERVER_HELLO)))));
    List<SentMessage> sent = SentMessage.of(r.trace());
    assertThat(sent).filteredOn(m -> m.fault() != null)
        .extracting(m -> m.sent().from().label() + "." + m.sent().message().type() + "=" + m.fault())
        .containsExactly("server.server_hello=duplicated");
    // The duplicated ServerHello broke the handshake before the client's CCS was sent.
    assertThat(FaultRuns.failures(r.trace())).isEqualTo("client sends unexpected_message");
  }

  @Test
  void injectedChangeCipherSpecBeforeAnOpaqueSendersFinishedIsUnprotectedAndFailsTheMac() {
    // A sender that is not the model engine (a real one) cannot write an extra record of its own:
    // the network puts a plaintext one in front, which tests the receiver's record layer.
    EngineFactory opaque = config -> new Opaque(ModelEngine.create(config));
    ConnectionResult r = Simulations.connections(SIM, REF, NetworkOptions.perfect()
        .withFaults(List.of(Fault.inject(new Target(Side.CLIENT, MessageKind.FINISHED), MessageKind.CHANGE_CIPHER_SPEC))),
        opaque, EngineFactory.MODEL).get(0);
    TraceEvent.OfNetwork inj = network(r).stream().filter(n -> n.action() == NetworkAction.INJECTED).findFirst().orElseThrow();
    assertThat(inj.record()).isZero();
    assertThat(inj.bytes().hex()).isEqualTo("140303000101");
    assertThat(inj.detail()).isEqualTo(
        "change_cipher_spec (unprotected: the network holds no keys; tests the record layer) before client.finished");
    assertThat(FaultRuns.failures(r.trace())).isEqualTo("server sends bad_record_mac");
    // Injected records are not counted: every real message still has its own record.
    assertThat(SentMessage.of(r.trace())).allSatisfy(m -> assertThat(m.record()).isPositive());
  }

  /** An engine the network cannot ask to inject: the model engine behind another type. */
  private record Opaque(Engine e) implements Engine {
    public Side side() { return e.side(); }
    public String name() { return "opaque"; }
    public Step start() { return e.start(); }
    public Step receive(Bytes data) { return e.receive(data); }
    public Step send(Bytes data) { return e.send(data); }
    public Step renegotiate() { return e.renegotiate(); }
    public Step close() { return e.close(); }
    public Step timeout() { return e.timeout(); }
    public String state() { return e.state(); }
    public String waitingFor() { return e.waitingFor(); }
    public boolean established() { return e.established(); }
    public boolean terminal() { return e.terminal(); }
    public Optional<Negotiated> negotiated() { return e.negotiated(); }
  }

  @Test
  void injectedEarlyChangeCipherSpecIsUnexpectedAtTheServer() {
    // CVE-2014-0224's shape: a CCS before the key exchange must be refused.
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withFaults(List.of(Fault.inject(new Target(Side.CLIENT, MessageKind.CLIENT_KEY_EXCHANGE),
            MessageKind.CHANGE_CIPHER_SPEC))));
    assertThat(FaultRuns.failures(r.trace())).isEqualTo("server sends unexpected_message");
    assertThat(r.trace().engineEvents(Side.SERVER)).anySatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(EngineEvent.AlertSent.class, a -> assertThat(a.reason()).contains("change_cipher_spec")));
  }

  @Test
  void injectedReplayOfAnEarlierMessageCopiesTheSendersLastOne() {
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withFaults(List.of(Fault.inject(new Target(Side.SERVER, MessageKind.SERVER_HELLO_DONE),
            MessageKind.SERVER_KEY_EXCHANGE))));
    TraceEvent.OfNetwork inj = network(r).stream().filter(n -> n.action() == NetworkAction.INJECTED).findFirst().orElseThrow();
    TraceEvent.OfNetwork ske = network(r).stream().filter(n -> n.from() == Side.SERVER && n.record() == 3).findFirst().orElseThrow();
    assertThat(inj.bytes()).isEqualTo(ske.bytes());
    assertThat(FaultRuns.failures(r.trace())).isEqualTo("client sends unexpected_message");
  }

  @Test
  void theNthOccurrenceIsTargetedAcrossTheConnection() {
    // The server's second change_cipher_spec does not exist in one handshake: nothing happens.
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withFaults(List.of(Fault.of(FaultKind.DROP, new Target(Side.SERVER, MessageKind.CHANGE_CIPHER_SPEC, 2)))));
    assertThat(r.outcome().established()).isTrue();
    assertThat(network(r)).noneMatch(n -> n.action() != NetworkAction.DELIVERED);
    // The client's second application_data... is its close_notify's neighbour: drop the first data record.
    ConnectionResult d = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withFaults(List.of(Fault.of(FaultKind.DROP, new Target(Side.CLIENT, MessageKind.APPLICATION_DATA, 1)))));
    assertThat(d.trace().engineEvents(Side.SERVER)).noneMatch(e -> e instanceof EngineEvent.ApplicationDataReceived);
  }
}
