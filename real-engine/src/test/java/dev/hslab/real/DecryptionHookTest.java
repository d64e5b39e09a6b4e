package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.crypto.kex.RsaPremaster;
import dev.hslab.model.crypto.sig.SigningKey;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.message.ClientExchangeKeys;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.ClientKeyExchange;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decryption hook: given a handshake's master secret, a real engine's trace decodes the records
 * after ChangeCipherSpec. The test recovers the master secret the way a passive observer holding
 * the server's RSA key can (RSA key exchange): decrypt the premaster from the ClientKeyExchange,
 * then derive the extended master secret (RFC 7627 §4) over the transcript our codec decoded.
 */
class DecryptionHookTest {

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({"JSSE, JSSE, TLS_RSA_WITH_AES_128_GCM_SHA256, TLS12",
      "BCJSSE, JSSE, TLS_RSA_WITH_AES_128_CBC_SHA256, TLS12",
      "JSSE, BCJSSE, TLS_RSA_WITH_AES_128_CBC_SHA, TLS10"})
  void withTheMasterSecretFinishedAndDataAreDecoded(JsseProvider cp, JsseProvider sp, String suiteName, String ver) {
    ProtocolVersion v = ver.equals("TLS12") ? ProtocolVersion.TLS12 : ProtocolVersion.TLS10;
    CipherSuite suite = CipherSuite.fromIanaName(suiteName).orElseThrow();
    RecordingEngine client = new RecordingEngine(JsseEngineFactory.create(cp, Connections.client(v, v, List.of(suite)).build())
        .newEngine(TestPki.HOST, 443));
    JsseEngine server = JsseEngineFactory.create(sp, Connections.server(v, v, List.of(suite)).build()).newEngine();
    server.decryptWith((clientRandom, seen) -> recoverMasterSecret(client.messages(), v, suite));

    Trace t = Loopback.run(client, server, Connections.EXCHANGE);

    List<MessageInfo> serverSent = infos(t, EngineEvent.MessageSent.class);
    List<MessageInfo> serverReceived = infos(t, EngineEvent.MessageReceived.class);
    assertThat(serverReceived).extracting(MessageInfo::label).containsSubsequence(
        "client_key_exchange", "change_cipher_spec", "finished", "application_data", "close_notify");
    assertThat(serverSent).extracting(MessageInfo::label).containsSubsequence(
        "change_cipher_spec", "finished", "application_data", "close_notify");
    assertThat(serverReceived).filteredOn(m -> m.type().equals("finished")).singleElement()
        .satisfies(m -> assertThat(m.encrypted()).isTrue())
        .satisfies(m -> assertThat(m.bytes()).isEqualTo(4 + 12));
    Bytes data = Bytes.concat(serverReceived.stream().filter(m -> m.type().equals("application_data"))
        .map(MessageInfo::encoding).toArray(Bytes[]::new));
    assertThat(data).isEqualTo(Connections.CLIENT_DATA);
    // Without the hook the client's own engine still reports its Finished as an opaque record.
    assertThat(t.labels()).contains("client.encrypted_handshake_message", "server.finished");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"JSSE", "BCJSSE"})
  void aWrongMasterSecretLeavesRecordsOpaqueAndTheConnectionIntact(JsseProvider p) {
    ProtocolVersion v = ProtocolVersion.TLS12;
    CipherSuite suite = CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;
    JsseEngine client = JsseEngineFactory.create(p, Connections.client(v, v, List.of(suite)).build())
        .newEngine(TestPki.HOST, 443);
    JsseEngine server = JsseEngineFactory.create(p, Connections.server(v, v, List.of(suite)).build()).newEngine();
    server.decryptWith(MasterSecrets.of(Bytes.wrap(new byte[48])));

    Trace t = Loopback.run(client, server, Connections.EXCHANGE);

    assertThat(infos(t, EngineEvent.MessageReceived.class)).extracting(MessageInfo::type)
        .contains("encrypted_handshake_message").doesNotContain("finished");
    assertThat(Connections.received(t, Side.SERVER)).isEqualTo(Connections.CLIENT_DATA);
  }

  private static Optional<Bytes> recoverMasterSecret(List<MessageInfo> clientSeen, ProtocolVersion v, CipherSuite suite) {
    try {
      Transcript transcript = Transcript.empty();
      ClientHello hello = null;
      for (MessageInfo m : clientSeen) {
        if (m.kind() == null || !m.kind().isHandshake()) {
          continue;
        }
        transcript = transcript.append(m.encoding());
        if (m.type().equals("client_hello")) {
          hello = (ClientHello) HandshakeCodec.decode(m.encoding(), DecodeContext.of(v));
        }
        if (m.type().equals("client_key_exchange")) {
          var cke = (ClientKeyExchange) HandshakeCodec.decode(m.encoding(), new DecodeContext(v, KeyExchange.RSA));
          Bytes premaster = RsaPremaster.decrypt(((ClientExchangeKeys.Rsa) cke.keys()).encrypted(),
              SigningKey.of(TestPki.SERVER_RSA.privateKey()), hello.clientVersion(), RsaPremaster.VersionCheck.ALWAYS,
              RandomSource.seeded(3));
          // Both providers negotiate the extended master secret (RFC 7627) by default.
          return Optional.of(KeyDerivation.of(v, suite).extendedMasterSecret(premaster, transcript));
        }
      }
      return Optional.empty();
    } catch (Exception e) {
      throw new AssertionError("cannot recover the master secret", e);
    }
  }

  private static <T extends EngineEvent> List<MessageInfo> infos(Trace t, Class<T> type) {
    return Connections.events(t, Side.SERVER, type).stream()
        .map(e -> e instanceof EngineEvent.MessageSent s ? s.message() : ((EngineEvent.MessageReceived) e).message())
        .toList();
  }
}
