package dev.hslab.model.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.CodecChecks;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dispatcher: every message type, with its four-byte header, through one decode entry point. */
class HandshakeCodecTest {

  private static List<HandshakeMessage> oneOfEach(Random random, ProtocolVersion v, KeyExchange kex) {
    MessageGenA a = new MessageGenA(random);
    MessageGenB b = new MessageGenB(random);
    List<HandshakeMessage> out = new ArrayList<>(List.of(HelloRequest.INSTANCE, a.clientHello(), a.serverHello(),
        a.certificate(), b.certificateRequest(v), ServerHelloDone.INSTANCE, b.certificateVerify(v),
        b.clientKeyExchange(kex, v), a.newSessionTicket(), a.finished(v)));
    if (kex != KeyExchange.RSA) {
      out.add(b.serverKeyExchange(kex, v));
    }
    return out;
  }

  @Test
  void decodesEveryTypeWithItsHeaderInEveryVersionAndKeyExchange() {
    Random random = new Random(7);
    Set<HandshakeType> seen = EnumSet.noneOf(HandshakeType.class);
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      for (KeyExchange kex : KeyExchange.values()) {
        DecodeContext ctx = new DecodeContext(v, kex);
        for (HandshakeMessage m : oneOfEach(random, v, kex)) {
          seen.add(m.type());
          CodecChecks.check(m, HandshakeMessage::encode, bytes -> HandshakeCodec.decode(bytes, ctx), random, 8);
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(
        java.util.Arrays.stream(HandshakeType.values()).filter(t -> !t.dtlsOnly()).toArray(HandshakeType[]::new));
  }

  @Test
  void headerLengthMustMatchTheBody() {
    DecodeContext ctx = DecodeContext.of(ProtocolVersion.TLS12);
    assertThatThrownBy(() -> HandshakeCodec.decode(Bytes.fromHex("0e000001"), ctx))
        .isInstanceOfSatisfying(TlsAlertException.class, e -> assertThat(e.alert()).isEqualTo(AlertDescription.DECODE_ERROR))
        .hasMessageContaining("server_hello_done length 1 but 0 bytes follow");
  }

  @Test
  void unknownTypeIsUnexpectedMessage() {
    DecodeContext ctx = DecodeContext.of(ProtocolVersion.TLS12);
    assertThatThrownBy(() -> HandshakeCodec.decode(Bytes.fromHex("03000000"), ctx))
        .isInstanceOfSatisfying(TlsAlertException.class, e -> assertThat(e.alert()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE));
  }
}
