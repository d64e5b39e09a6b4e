package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.EngineConfigBuilder;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.real.JsseEngineFactory;
import dev.hslab.real.JsseProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two SunJSSE DTLSv1.2 engines (real parts, not ours) over the simulated UDP network, in virtual
 * time: the handshake completes, and a lost server flight costs exactly the retransmission
 * timers of RFC 6347 §4.2.4.1 (1 s, then 2 s), the datagrams sent again visible in the trace.
 */
class DtlsOverUdpTest {

  static final long SEED = 19;

  static ConnectionSpec spec(List<Fault> faults) {
    Credentials creds = Credentials.forSeed(SEED);
    List<CipherSuite> suites = List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
    EngineConfig client = base(EngineConfig.client(RandomSource.seeded(SEED).fork("client")), creds, suites).build();
    EngineConfig server = base(EngineConfig.server(RandomSource.seeded(SEED).fork("server")), creds, suites)
        .identities(List.of(creds.serverEcdsa())).build();
    return new ConnectionSpec(1, JsseEngineFactory.create(JsseProvider.JSSE, client).newDtlsEngine(),
        JsseEngineFactory.create(JsseProvider.JSSE, server).newDtlsEngine(), List.of(),
        NetworkOptions.perfect().withTransport(Transport.UDP).withFaults(faults), Simulations.networkRandom(SEED, 1));
  }

  private static EngineConfigBuilder base(EngineConfigBuilder b, Credentials creds, List<CipherSuite> suites) {
    return b.versions(ProtocolVersion.DTLS12, ProtocolVersion.DTLS12).cipherSuites(suites)
        .trust(creds.trust()).serverName(Credentials.SERVER_NAME);
  }

  /** The virtual time at which both sides had completed the handshake. */
  static double completion(Trace t) {
    List<Double> at = t.events().stream().filter(e -> e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.Established)
        .map(TraceEvent::timeMs).toList();
    assertThat(at).as("both sides established").hasSize(2);
    return at.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  private static List<Fault> dropServerHello(int... occurrences) {
    return java.util.Arrays.stream(occurrences)
        .mapToObj(i -> Fault.of(FaultKind.DROP, new Fault.Target(Side.SERVER, MessageKind.SERVER_HELLO, i))).toList();
  }

  private static List<TraceEvent.OfNetwork> datagrams(Trace t, Side from, String type) {
    return t.events().stream().filter(e -> e instanceof TraceEvent.OfNetwork n && n.from() == from
        && (n.action() == TraceEvent.NetworkAction.DROPPED || Datagrams.messageTypes(n.bytes()).contains(type)))
        .map(e -> (TraceEvent.OfNetwork) e).toList();
  }

  @Test
  void twoSunJsseEnginesCompleteOverUdpInVirtualTime() {
    Trace t = DirectRun.run(spec(List.of())).trace();
    // 1 ms each way: ClientHello, HelloVerifyRequest, ClientHello, server flight, client flight,
    // server's last flight: the client completes at 6 ms, with no datagram repeated but SunJSSE's
    // doubled last flight.
    assertThat(completion(t)).isEqualTo(6.0);
    assertThat(datagrams(t, Side.SERVER, "server_hello")).extracting(TraceEvent.OfNetwork::timeMs).containsExactly(4.0);
    assertThat(datagrams(t, Side.CLIENT, "client_hello")).extracting(TraceEvent.OfNetwork::timeMs).containsExactly(1.0, 3.0);
    // Every datagram is in the trace, and the engines asked for the timer at 1 s.
    assertThat(t.events()).filteredOn(e -> e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.RetransmissionTimer r
        && !r.cancels()).allMatch(e -> ((EngineEvent.RetransmissionTimer) ((TraceEvent.OfEngine) e).event()).afterMillis() == 1_000);
  }

  @Test
  void theServerFlightDroppedOnceCostsExactlyTheOneSecondTimer() {
    Trace t = DirectRun.run(spec(dropServerHello(1))).trace();
    assertThat(completion(t)).isEqualTo(6.0 + 1_000);
    // The datagram with the ServerHello, dropped at 3 ms; both sides' timers expire after 1 s
    // (the client's armed at 2 ms, the server's at 3 ms) and the flight arrives again at 1,004 ms.
    List<TraceEvent.OfNetwork> sh = datagrams(t, Side.SERVER, "server_hello");
    assertThat(sh).extracting(TraceEvent.OfNetwork::action).startsWith(TraceEvent.NetworkAction.DROPPED);
    assertThat(sh.get(0).timeMs()).isEqualTo(3.0);
    assertThat(sh.subList(1, sh.size())).extracting(TraceEvent.OfNetwork::timeMs).containsOnly(1_004.0);
    assertThat(datagrams(t, Side.CLIENT, "client_hello")).extracting(TraceEvent.OfNetwork::timeMs)
        .containsExactly(1.0, 3.0, 1_003.0);
    assertThat(timers(t, Side.CLIENT)).startsWith(1_000L, 1_000L, 2_000L);
  }

  @Test
  void everyCopyOfTheServerFlightDroppedForOneRoundCostsOnePlusTwoSeconds() {
    // Both sides retransmit on their timers (RFC 6347 §4.2.4: a side in WAITING resends its
    // flight): after the first drop the server's flight leaves twice at 1,003 ms, its own timer's
    // copy and its answer to the client's retransmitted ClientHello. Dropping all three leaves the
    // next round to the doubled timers: completion 1 s + 2 s after the lossless 6 ms.
    Trace t = DirectRun.run(spec(dropServerHello(1, 2, 3))).trace();
    assertThat(completion(t)).isEqualTo(6.0 + 1_000 + 2_000);
    List<TraceEvent.OfNetwork> sh = datagrams(t, Side.SERVER, "server_hello");
    assertThat(sh.subList(0, 3)).extracting(TraceEvent.OfNetwork::action).containsOnly(TraceEvent.NetworkAction.DROPPED);
    assertThat(sh.subList(3, sh.size())).extracting(TraceEvent.OfNetwork::timeMs).containsOnly(3_004.0);
    assertThat(timers(t, Side.CLIENT)).startsWith(1_000L, 1_000L, 2_000L, 4_000L);
    // The server's answer to the retransmitted ClientHello restarted its timer at the doubled value, not 1 s.
    assertThat(timers(t, Side.SERVER)).startsWith(1_000L, 1_000L, 2_000L, 2_000L);
  }

  /**
   * The network is a function of the seed: the same datagrams' fates at the same virtual times.
   * (SunJSSE draws its cookie secret, ephemeral keys and ECDSA nonces from its own SecureRandom,
   * so the bytes of two SunJSSE runs differ, even in size: a DER signature is 70 to 72 bytes; the
   * network's decisions and times do not.)
   */
  @Test
  void theSameSeedGivesTheSameNetworkDecisionsAndTimes() {
    assertThat(network(DirectRun.run(spec(dropServerHello(1))).trace()))
        .isEqualTo(network(DirectRun.run(spec(dropServerHello(1))).trace()));
  }

  private static List<String> network(Trace t) {
    return t.events().stream().filter(e -> e instanceof TraceEvent.OfNetwork).map(e -> (TraceEvent.OfNetwork) e)
        .map(n -> n.timeMs() + " " + n.from() + " #" + n.record() + " " + n.action() + " " + n.detail())
        .toList();
  }

  private static List<Long> timers(Trace t, Side side) {
    return t.events().stream().filter(e -> e instanceof TraceEvent.OfEngine oe && oe.side() == side
        && oe.event() instanceof EngineEvent.RetransmissionTimer).map(e -> ((EngineEvent.RetransmissionTimer) ((TraceEvent.OfEngine) e).event()).afterMillis())
        .filter(x -> x >= 0).toList();
  }
}
