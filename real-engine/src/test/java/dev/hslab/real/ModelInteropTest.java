package dev.hslab.real;

import static dev.hslab.real.Connections.CLIENT_DATA;
import static dev.hslab.real.Connections.SERVER_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model engine against SunJSSE and BCJSSE in memory, both directions, for TLS 1.0–1.2, every
 * suite of every key exchange the real engine supports (no client authentication), and each key
 * exchange with a required RSA or ECDSA client certificate. Each run completes on both sides
 * (each verified the other's Finished), data crosses both ways, and the real engine, given the
 * model's master secret, decodes every message the model sent, Finished included.
 */
class ModelInteropTest {

  static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11, ProtocolVersion.TLS12);
  static final List<KeyExchange> AUTHENTICATED =
      List.of(KeyExchange.RSA, KeyExchange.DHE_RSA, KeyExchange.ECDHE_RSA, KeyExchange.ECDHE_ECDSA);
  static final List<KeyExchange> ANONYMOUS = List.of(KeyExchange.DH_ANON, KeyExchange.ECDH_ANON);

  static Stream<Arguments> everySuite() {
    List<Arguments> out = new ArrayList<>();
    for (JsseProvider p : JsseProvider.values()) {
      Set<String> supported = supported(p);
      for (Side modelSide : Side.values()) {
        for (ProtocolVersion v : VERSIONS) {
          for (KeyExchange kex : Stream.concat(AUTHENTICATED.stream(), ANONYMOUS.stream()).toList()) {
            for (CipherSuite s : CipherSuite.of(kex, v)) {
              if (supported.contains(s.ianaName())) {
                out.add(Arguments.of(p, modelSide, v, kex, s, ClientCertificate.NONE));
              }
            }
          }
        }
      }
    }
    return out.stream();
  }

  static Stream<Arguments> clientCertificates() {
    List<Arguments> out = new ArrayList<>();
    for (JsseProvider p : JsseProvider.values()) {
      for (Side modelSide : Side.values()) {
        for (ProtocolVersion v : VERSIONS) {
          for (KeyExchange kex : AUTHENTICATED) {
            for (ClientCertificate c : List.of(ClientCertificate.RSA, ClientCertificate.ECDSA)) {
              out.add(Arguments.of(p, modelSide, v, kex, InteropMatrixTest.suiteFor(kex, v), c));
            }
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} model={1} {2} {4} client cert {5}")
  @MethodSource({"everySuite", "clientCertificates"})
  void completesBothWaysWithDataAndDecodedFinished(
      JsseProvider p, Side modelSide, ProtocolVersion v, KeyExchange kex, CipherSuite suite, ClientCertificate cert) {
    HandshakeConfig hc = ModelPeers.config(v, kex, suite, cert, Resumption.NONE);
    ModelPeers.Run run = modelSide == Side.CLIENT
        ? new ModelPeers.RealServer(p, hc).connect(1, Optional.empty(), Connections.EXCHANGE)
        : new ModelPeers.RealClient(p, hc).connect(1, Connections.EXCHANGE);

    boolean auth = cert != ClientCertificate.NONE;
    assertThat(Connections.received(run.trace(), Side.SERVER)).isEqualTo(CLIENT_DATA);
    assertThat(Connections.received(run.trace(), Side.CLIENT)).isEqualTo(SERVER_DATA);
    for (var e : List.of(run.model(), run.real())) {
      Negotiated n = e.negotiated().orElseThrow(() -> new AssertionError(e.name() + " did not complete: " + run.trace().labels()));
      assertThat(n.version()).isEqualTo(v);
      assertThat(n.cipherSuite()).isEqualTo(suite);
      assertThat(n.clientAuthenticated()).isEqualTo(auth);
      assertThat(n.resumed()).isFalse();
    }
    assertThat(run.model().negotiated().orElseThrow().masterSecret())
        .isEqualTo(run.model().masterSecret().orElseThrow());
    assertThat(List.of(run.client().state(), run.server().state())).containsExactly(closedState(run, Side.CLIENT),
        closedState(run, Side.SERVER));

    // The sequence: RFC 5246 §7.3, every Finished decoded, the one a real client sends with its
    // ClientKeyExchange too (the model server tells the secret from it; issue 16, item 1).
    boolean splits = p == JsseProvider.BCJSSE && v.equals(ProtocolVersion.TLS10) && !suite.isAead();
    List<String> expected = new ArrayList<>();
    for (String l : Rfc5246Sequence.full(kex, auth, false)) {
      expected.add(l.replace("encrypted_handshake_message", "finished"));
    }
    expected.addAll(Rfc5246Sequence.exchangeAndClose(splits && modelSide == Side.SERVER, splits && modelSide == Side.CLIENT));
    assertThat(run.trace().labels()).containsExactlyElementsOf(expected);
    // Conformance (issue #4): the real engine's own sequence is accepted by its role's table.
    for (ModelPeers.Run r : List.of(run)) {
      var verdict = dev.hslab.real.conform.TableAcceptance.check(r.real().side(),
          dev.hslab.real.conform.Observed.of(r.trace().engineEvents(r.real().side())));
      assertThat(verdict.accepted()).as(verdict.summary() + " " + r.realView()).isTrue();
      assertThat(verdict.complete()).isTrue();
      assertThat(verdict.finalState()).isEqualTo("CLOSED");
    }
    // What the real engine received is exactly what the model sent, all of it decoded.
    assertThat(run.realReceived()).extracting(m -> m.label())
        .containsExactlyElementsOf(run.trace().sent().stream().filter(s -> s.from() == modelSide)
            .map(s -> s.message().label()).toList());
  }

  private static String closedState(ModelPeers.Run run, Side side) {
    return (side == run.model().side() ? run.model() : run.real()) == run.model() ? "CLOSED" : "closed";
  }

  static Set<String> supported(JsseProvider p) {
    TestPki.init(); // legacy TLS enabled before the first SSLContext of the JVM
    try {
      SSLContext c = SSLContext.getInstance("TLS", p.provider());
      c.init(null, null, null);
      return Set.of(c.createSSLEngine().getSupportedCipherSuites());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
