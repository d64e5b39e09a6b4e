package dev.hslab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each failure the engine must name, with the alert the RFC gives it, sent by the right side. */
class EngineFailureTest {

  private static final Credentials CREDS = Credentials.forSeed(5);

  private static ModelEngine<?> client(HandshakeConfig hc) {
    return ModelEngine.create(EngineConfigs.client(hc, CREDS, 1, Optional.empty()));
  }

  private static ModelEngine<?> server(HandshakeConfig hc) {
    return ModelEngine.create(EngineConfigs.server(hc, CREDS, 1, new SessionCache(4)));
  }

  private static ModelEngine<?> withConfig(EngineConfig c) {
    return ModelEngine.create(c);
  }

  private static Optional<Alert> sentAlert(List<EngineEvent> events) {
    return events.stream().filter(e -> e instanceof EngineEvent.AlertSent).map(e -> ((EngineEvent.AlertSent) e).alert()).findFirst();
  }

  @Test
  void tamperedServerKeyExchangeSignatureIsDecryptErrorAtTheClient() {
    HandshakeConfig hc = HandshakeConfig.reference();
    ModelEngine<?> c = client(hc);
    ModelEngine<?> s = server(hc);
    // Each handshake message travels in its own record: the server's third is its ServerKeyExchange.
    Intercepted x = Intercepted.run(c, s, (side, n) -> side == Side.SERVER && n == 3
        ? r -> Intercepted.flip(r, r.length() - 10) : Intercepted.pass());
    assertThat(sentAlert(x.clientEvents)).contains(Alert.fatal(AlertDescription.DECRYPT_ERROR));
    assertThat(c.state()).isEqualTo("FAILED");
    assertThat(sentAlert(x.serverEvents)).isEmpty();
    assertThat(s.established()).isFalse();
  }

  @Test
  void corruptedProtectedFinishedIsBadRecordMacAtTheServer() {
    HandshakeConfig hc = HandshakeConfig.reference();
    ModelEngine<?> c = client(hc);
    ModelEngine<?> s = server(hc);
    // The client's records: ClientHello, ClientKeyExchange, ChangeCipherSpec, Finished.
    Intercepted x = Intercepted.run(c, s, (side, n) -> side == Side.CLIENT && n == 4
        ? r -> Intercepted.flip(r, 10) : Intercepted.pass());
    assertThat(sentAlert(x.serverEvents)).contains(Alert.fatal(AlertDescription.BAD_RECORD_MAC));
    assertThat(s.state()).isEqualTo("FAILED");
    assertThat(c.established()).isFalse();
  }

  @Test
  void wrongFinishedVerifyDataIsDecryptError() {
    ModelEngine<?> s = UnexpectedMessageTest.driveTo(Side.SERVER, "WAIT_FINISHED");
    Step step = s.receivePlaintext(ContentType.HANDSHAKE, Bytes.fromHex("1400000c 000102030405060708090a0b"));
    assertThat(sentAlert(step.events())).contains(Alert.fatal(AlertDescription.DECRYPT_ERROR));
    assertThat(s.terminal()).isTrue();
  }

  @Test
  void serverBelowClientMinimumIsProtocolVersionFromTheClient() {
    HandshakeConfig hc = HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA);
    ModelEngine<?> c = withConfig(EngineConfigs.client(hc, CREDS, 1, Optional.empty()).toBuilder()
        .versions(ProtocolVersion.TLS12, ProtocolVersion.TLS12).build());
    ModelEngine<?> s = withConfig(EngineConfigs.server(hc, CREDS, 1, null).toBuilder()
        .versions(ProtocolVersion.TLS10, ProtocolVersion.TLS11).cipherSuites(CipherSuite.of(KeyExchange.ECDHE_RSA, ProtocolVersion.TLS10))
        .build());
    Intercepted x = Intercepted.run(c, s, (side, n) -> Intercepted.pass());
    // The server, capped at TLS 1.1, answers TLS 1.1 (RFC 5246 E.1); the client refuses it.
    assertThat(sentAlert(x.clientEvents)).contains(Alert.fatal(AlertDescription.PROTOCOL_VERSION));
  }

  @Test
  void clientBelowServerMinimumIsProtocolVersionFromTheServer() {
    HandshakeConfig hc = HandshakeConfig.of(ProtocolVersion.TLS10, KeyExchange.ECDHE_RSA);
    ModelEngine<?> c = client(hc);
    ModelEngine<?> s = withConfig(EngineConfigs.server(hc, CREDS, 1, null).toBuilder()
        .versions(ProtocolVersion.TLS12, ProtocolVersion.TLS12).build());
    Intercepted x = Intercepted.run(c, s, (side, n) -> Intercepted.pass());
    assertThat(sentAlert(x.serverEvents)).contains(Alert.fatal(AlertDescription.PROTOCOL_VERSION));
  }

  @Test
  void noCommonSuiteIsHandshakeFailure() {
    HandshakeConfig hc = HandshakeConfig.reference();
    ModelEngine<?> c = client(hc);
    ModelEngine<?> s = withConfig(EngineConfigs.server(hc, CREDS, 1, null).toBuilder()
        .cipherSuites(List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)).build());
    Intercepted x = Intercepted.run(c, s, (side, n) -> Intercepted.pass());
    assertThat(sentAlert(x.serverEvents)).contains(Alert.fatal(AlertDescription.HANDSHAKE_FAILURE));
    assertThat(c.state()).isEqualTo("FAILED");
  }

  @Test
  void requiredCertificateMissingIsHandshakeFailureInTlsAndSsl3() {
    for (ProtocolVersion v : List.of(ProtocolVersion.TLS12, ProtocolVersion.SSL3)) {
      HandshakeConfig hc = HandshakeConfig.of(v, KeyExchange.RSA).withClientAuth(ClientAuth.REQUIRE, ClientCertificate.NONE);
      ModelEngine<?> c = client(hc);
      ModelEngine<?> s = server(hc);
      Intercepted x = Intercepted.run(c, s, (side, n) -> Intercepted.pass());
      assertThat(sentAlert(x.serverEvents)).as("%s", v).contains(Alert.fatal(AlertDescription.HANDSHAKE_FAILURE));
      assertThat(s.established()).isFalse();
    }
  }

  @Test
  void refusedRenegotiationKeepsTheConnection() {
    HandshakeConfig hc = HandshakeConfig.reference();
    ModelEngine<?> c = client(hc);
    ModelEngine<?> s = withConfig(EngineConfigs.server(hc, CREDS, 1, null).toBuilder().allowRenegotiation(false).build());
    var trace = Loopback.run(c, s, List.of(new Loopback.Action.Renegotiate(Side.CLIENT),
        new Loopback.Action.Send(Side.CLIENT, Bytes.fromHex("6869"))));
    assertThat(trace.labels()).endsWith("client.client_hello", "server.no_renegotiation", "client.application_data");
    assertThat(c.established()).isTrue();
    assertThat(s.established()).isTrue();
    assertThat(trace.engineEvents(Side.SERVER)).contains(new EngineEvent.ApplicationDataReceived(Bytes.fromHex("6869")));
  }

  @Test
  void applicationDataBeforeTheHandshakeIsRefused() {
    ModelEngine<?> c = client(HandshakeConfig.reference());
    c.start();
    Step s = c.send(Bytes.fromHex("00"));
    assertThat(s.records()).isEmpty();
    assertThat(s.events()).singleElement().isInstanceOf(EngineEvent.Refused.class);
  }

  @Test
  void timeoutNamesTheStateAndTheAwaitedMessage() {
    ModelEngine<?> c = UnexpectedMessageTest.driveTo(Side.CLIENT, "WAIT_SERVER_HELLO_DONE");
    Step s = c.timeout();
    assertThat(s.events()).contains(new EngineEvent.TimedOut("WAIT_SERVER_HELLO_DONE", "server_hello_done"));
    assertThat(c.terminal()).isTrue();
  }
}
