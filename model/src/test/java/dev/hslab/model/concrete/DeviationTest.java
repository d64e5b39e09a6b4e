package dev.hslab.model.concrete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.Deviation;
import dev.hslab.model.explore.Deviations;
import dev.hslab.model.explore.Mutation;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deviant traces: their expected outcomes come from the explorer's semantics of the tables, and the
 * model engine, run with real crypto against a deviating model engine, must end each one exactly so.
 */
class DeviationTest {

  private static final Configuration REFERENCE = ConfigMapping.toExplorer(HandshakeConfig.reference()).get(0);

  private static Map<String, Outcome> expectations() {
    return Deviations.derive(REFERENCE, Deviations.canonicalPath(REFERENCE)).stream()
        .collect(Collectors.toMap(d -> d.mutation().label(), Deviation::expected));
  }

  @Test
  void expectedOutcomesOfReferenceDeviationsFollowTheRfc() {
    Map<String, Outcome> e = expectations();
    // RFC 5246 §7.4.3 / RFC 4492 §2.4: ECDHE needs ServerKeyExchange; ServerHelloDone in its place is unexpected.
    assertThat(e.get("skip server.server_key_exchange")).isEqualTo(Outcome.alert(Side.CLIENT, AlertDescription.UNEXPECTED_MESSAGE));
    // RFC 5246 §7.1: ChangeCipherSpec before the keys are known (before ClientKeyExchange).
    assertThat(e.get("early client.change_cipher_spec before client.client_key_exchange"))
        .isEqualTo(Outcome.alert(Side.SERVER, AlertDescription.UNEXPECTED_MESSAGE));
    // RFC 5246 §7.4.9: Finished must come right after ChangeCipherSpec.
    assertThat(e.get("early client.finished before client.change_cipher_spec"))
        .isEqualTo(Outcome.alert(Side.SERVER, AlertDescription.UNEXPECTED_MESSAGE));
    assertThat(e.get("early client.application_data before client.client_key_exchange"))
        .isEqualTo(Outcome.alert(Side.SERVER, AlertDescription.UNEXPECTED_MESSAGE));
    // RFC 5246 §7.4.1.3: a version the client does not support.
    assertThat(e.get("downgrade server.server_hello to tls1.1")).isEqualTo(Outcome.alert(Side.CLIENT, AlertDescription.PROTOCOL_VERSION));
    assertThat(e.get("downgrade client.client_hello to tls1.1")).isEqualTo(Outcome.alert(Side.SERVER, AlertDescription.PROTOCOL_VERSION));
    // RFC 5246 §6.2.3.1: a replayed protected record has the wrong sequence number.
    assertThat(e.get("repeat client.finished")).isEqualTo(Outcome.alert(Side.SERVER, AlertDescription.BAD_RECORD_MAC));
    // Nothing answers a lost Finished: the timers end the run.
    assertThat(e.get("skip server.finished")).isEqualTo(Outcome.timeout());
    // RFC 5246 §7.4.1.1: a HelloRequest during a handshake is ignored.
    assertThat(e.get("inject server.hello_request before server.server_hello_done")).isEqualTo(Outcome.CLOSED);
  }

  @Test
  void referenceDeviationsCoverEveryMutationKindAndEveryPosition() {
    List<Deviation> ds = Deviations.derive(REFERENCE, Deviations.canonicalPath(REFERENCE));
    assertThat(ds.stream().map(d -> d.mutation().kind()).collect(Collectors.toCollection(() -> EnumSet.noneOf(Mutation.Kind.class))))
        .containsExactlyInAnyOrder(Mutation.Kind.values());
    // 10 messages: each skipped, repeated and preceded by each of the 15 other kinds; 6 same-flight
    // neighbours (server_hello/certificate/server_key_exchange/server_hello_done, then each side's
    // client_key_exchange/change_cipher_spec/finished); 2 plaintext hellos downgraded.
    assertThat(ds.size()).isEqualTo(10 + 10 + 10 * 15 + 6 + 2);
    assertThat(Deviations.derive(REFERENCE, List.of("client.client_hello"))).as("not the canonical path").isEmpty();
  }

  @Test
  void modelEngineEndsEveryReferenceDeviationAsTheModelExpects() {
    DeviationSuite.Result r = DeviationSuite.run(HandshakeConfig.reference(), EngineUnderTest.MODEL);
    assertThat(r.runs().size()).isEqualTo(178);
    assertThat(r.runs()).allSatisfy(run -> {
      assertThat(run.ran()).as("%s: %s", run.deviation().mutation(), run.note()).isTrue();
      assertThat(run.actual()).as("%s, trace %s", run.deviation().mutation(), run.labels()).isEqualTo(run.deviation().expected());
    });
  }

  static Stream<HandshakeConfig> flows() {
    return Stream.of(
        HandshakeConfig.of(ProtocolVersion.TLS10, KeyExchange.RSA).withClientAuth(ClientAuth.REQUIRE, ClientCertificate.RSA),
        HandshakeConfig.of(ProtocolVersion.SSL3, KeyExchange.DHE_RSA).withClientAuth(ClientAuth.REQUEST, ClientCertificate.NONE),
        HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.ECDHE_ECDSA).withResumption(Resumption.TICKET),
        HandshakeConfig.of(ProtocolVersion.TLS11, KeyExchange.PSK).withPskHint(true).withResumption(Resumption.ID),
        HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA).withRenegotiation(Renegotiation.SERVER),
        HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.DH_ANON).withRenegotiation(Renegotiation.CLIENT));
  }

  @ParameterizedTest
  @MethodSource("flows")
  void modelEngineEndsEveryDeviationAsTheModelExpects(HandshakeConfig hc) {
    DeviationSuite.Result r = DeviationSuite.run(hc, EngineUnderTest.MODEL);
    assertThat(r.runs()).hasSizeGreaterThan(150);
    assertThat(r.mismatches()).as("%s", r.runs().stream().filter(x -> x.ran() && !x.matches())
        .map(x -> x.deviation().mutation() + " expected " + x.deviation().expected() + " got " + x.actual()).toList()).isZero();
    // Only SSL 3.0 lacks a sample (no NewSessionTicket without extensions).
    assertThat(r.runs().stream().filter(x -> !x.ran()).map(DeviationRun::note).distinct().toList())
        .allMatch(n -> n.equals("no new_session_ticket at this version"));
  }

  @Test
  void aDeviatingEngineThatIgnoresTheMutationIsReportedAsAMismatch() {
    // The "engine under test" here is one that never alerts: it drops what it receives. A run that
    // the model says must fail but that ends otherwise shows as a mismatch, not a pass.
    EngineUnderTest deaf = new EngineUnderTest("deaf", (cfg, peer) -> new Deaf(cfg.side()), false);
    DeviationSuite.Result r = DeviationSuite.run(HandshakeConfig.reference(), deaf);
    assertThat(r.mismatches()).isPositive();
    assertThat(r.runs()).filteredOn(DeviationRun::ran).allMatch(x -> x.actual().kind() != Outcome.Kind.CLOSED);
  }

  /** An engine that reads everything and says nothing, until its timer expires. */
  private record Deaf(Side side) implements dev.hslab.model.engine.Engine {
    @Override public String name() { return "deaf"; }
    @Override public dev.hslab.model.engine.Step start() { return dev.hslab.model.engine.Step.NOTHING; }
    @Override public dev.hslab.model.engine.Step receive(dev.hslab.model.wire.Bytes data) { return dev.hslab.model.engine.Step.NOTHING; }
    @Override public dev.hslab.model.engine.Step send(dev.hslab.model.wire.Bytes d) { return dev.hslab.model.engine.Step.NOTHING; }
    @Override public dev.hslab.model.engine.Step renegotiate() { return dev.hslab.model.engine.Step.NOTHING; }
    @Override public dev.hslab.model.engine.Step close() { return dev.hslab.model.engine.Step.NOTHING; }
    @Override public dev.hslab.model.engine.Step timeout() { return dev.hslab.model.engine.Step.NOTHING; }
    @Override public String state() { return "DEAF"; }
    @Override public String waitingFor() { return "nothing"; }
    @Override public boolean established() { return false; }
    @Override public boolean terminal() { return false; }
    @Override public java.util.Optional<dev.hslab.model.engine.Negotiated> negotiated() { return java.util.Optional.empty(); }
  }
}
