package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.Sender;
import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.Finished;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16, item 1: a real engine's encrypted handshake messages are named in its trace when its
 * peer is the model, as Wireshark names them with a key log, including the Finished a real client
 * sends in the same flight as its ClientKeyExchange, before the model server has read it. Each
 * named Finished must be the real engine's own: its verify_data is recomputed with RFC 5246
 * §7.4.9's formula, PRF(master_secret, finished_label, Hash(handshake_messages)), over the
 * handshake messages the real engine itself sent and received before it, with the master secret
 * the model reports when its handshake completes. Renegotiation: the second handshake travels
 * under the first one's keys, and its ChangeCipherSpec switches to keys the model derives only
 * after the real engine's flight.
 */
class RealFinishedNamedTest {

  @ParameterizedTest(name = "{0} as {1}, {2} {3}")
  @CsvSource({
      "JSSE, CLIENT, ECDHE_RSA, TLS12", "JSSE, CLIENT, RSA, TLS12", "JSSE, CLIENT, DHE_RSA, TLS10",
      "BCJSSE, CLIENT, ECDHE_RSA, TLS12", "BCJSSE, CLIENT, RSA, TLS11",
      "JSSE, SERVER, ECDHE_RSA, TLS12", "BCJSSE, SERVER, RSA, TLS12"})
  void theRealEnginesFinishedIsNamedAndIsTheOneItComputed(JsseProvider p, Side realSide, KeyExchange kex, String ver) {
    ProtocolVersion v = version(ver);
    CipherSuite suite = InteropMatrixTest.suiteFor(kex, v);
    ModelPeers.Run run = run(p, realSide, v, kex, suite, Connections.EXCHANGE);

    assertThat(run.trace().labels()).doesNotContain("client.encrypted_handshake_message", "server.encrypted_handshake_message");
    List<Finished> verified = verifiedFinished(run, v, suite);
    assertThat(verified).hasSize(1);
    assertThat(verified.get(0).verifyData().length()).isEqualTo(12); // RFC 5246 §7.4.9: verify_data_length
  }

  @ParameterizedTest(name = "{0} as {1}, {2} renegotiates")
  @CsvSource({"JSSE, CLIENT, CLIENT", "JSSE, CLIENT, SERVER", "JSSE, SERVER, CLIENT", "JSSE, SERVER, SERVER"})
  void renegotiationMessagesAndTheSecondFinishedAreNamed(JsseProvider p, Side realSide, Side renegotiates) {
    ProtocolVersion v = ProtocolVersion.TLS12;
    CipherSuite suite = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    List<Loopback.Action> script = List.of(new Loopback.Action.Renegotiate(renegotiates),
        new Loopback.Action.Send(Side.CLIENT, Connections.CLIENT_DATA), new Loopback.Action.Close(Side.CLIENT));
    ModelPeers.Run run = run(p, realSide, v, KeyExchange.ECDHE_RSA, suite, script);

    List<String> labels = run.trace().labels();
    assertThat(labels).doesNotContain("client.encrypted_handshake_message", "server.encrypted_handshake_message");
    // RFC 5246 §7.4.1.1: a server starts a renegotiation with a HelloRequest; both hellos repeat.
    if (renegotiates == Side.SERVER) {
      assertThat(labels).contains("server.hello_request");
    }
    assertThat(labels.stream().filter("client.client_hello"::equals)).hasSize(2);
    assertThat(labels.stream().filter("server.server_hello"::equals)).hasSize(2);
    assertThat(labels.stream().filter("client.finished"::equals)).hasSize(2);
    assertThat(labels.stream().filter("server.finished"::equals)).hasSize(2);
    List<Finished> verified = verifiedFinished(run, v, suite);
    assertThat(verified).hasSize(2);
    // RFC 5746 §3.5: each Finished is new; the second handshake's is not the first one's again.
    assertThat(verified.get(1).verifyData()).isNotEqualTo(verified.get(0).verifyData());
  }

  private static ModelPeers.Run run(JsseProvider p, Side realSide, ProtocolVersion v, KeyExchange kex, CipherSuite suite,
      List<Loopback.Action> script) {
    var hc = ModelPeers.config(v, kex, suite, ClientCertificate.NONE, Resumption.NONE);
    return realSide == Side.CLIENT
        ? new ModelPeers.RealClient(p, hc).connect(1, script)
        : new ModelPeers.RealServer(p, hc).connect(1, Optional.empty(), script);
  }

  /**
   * Every Finished the real engine sent, each checked against RFC 5246 §7.4.9: marked encrypted,
   * decoded from the bytes the adapter decrypted, and its verify_data recomputed over the real
   * engine's own view of that handshake with the master secret the model reports for it.
   */
  private static List<Finished> verifiedFinished(ModelPeers.Run run, ProtocolVersion v, CipherSuite suite) {
    Side real = run.real().side();
    List<Negotiated> secrets = Connections.events(run.trace(), run.model().side(), EngineEvent.Established.class)
        .stream().map(EngineEvent.Established::negotiated).toList();
    List<Finished> out = new ArrayList<>();
    Transcript transcript = Transcript.empty();
    for (EngineEvent e : run.trace().engineEvents(real)) {
      boolean sent = e instanceof EngineEvent.MessageSent;
      MessageInfo m = sent ? ((EngineEvent.MessageSent) e).message()
          : e instanceof EngineEvent.MessageReceived r ? r.message() : null;
      if (m == null || m.kind() == null || !m.kind().isHandshake() || m.kind() == MessageKind.HELLO_REQUEST) {
        continue; // RFC 5246 §7.4.1.1: HelloRequest is not part of the transcript
      }
      if (m.kind() == MessageKind.CLIENT_HELLO) {
        transcript = Transcript.empty();
      }
      if (sent && m.kind() == MessageKind.FINISHED) {
        assertThat(m.type()).isEqualTo("finished");
        assertThat(m.encrypted()).as("a Finished travels under the new keys (RFC 5246 §7.1)").isTrue();
        Finished f = (Finished) decode(m.encoding(), v);
        Bytes master = secrets.get(out.size()).masterSecret();
        Sender sender = real == Side.CLIENT ? Sender.CLIENT : Sender.SERVER;
        assertThat(f.verifyData()).as("verify_data of handshake %d", out.size() + 1)
            .isEqualTo(KeyDerivation.of(v, suite).verifyData(master, sender, transcript));
        out.add(f);
      }
      transcript = transcript.append(m.encoding());
    }
    return out;
  }

  private static Object decode(Bytes encoding, ProtocolVersion v) {
    try {
      return HandshakeCodec.decode(encoding, DecodeContext.of(v));
    } catch (Exception e) {
      throw new AssertionError("the named Finished does not decode: " + encoding, e);
    }
  }

  private static ProtocolVersion version(String v) {
    return switch (v) {
      case "TLS10" -> ProtocolVersion.TLS10;
      case "TLS11" -> ProtocolVersion.TLS11;
      default -> ProtocolVersion.TLS12;
    };
  }
}
