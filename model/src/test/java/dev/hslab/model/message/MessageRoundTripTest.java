package dev.hslab.model.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.CodecChecks;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Round-trip properties of part A's messages over seeded random values (see {@link MessageGenA}):
 * exact round trip, every truncation and random bit flips give an alert or the same bytes back.
 */
class MessageRoundTripTest {

  private static final int VALUES = 300;
  private static final int FLIPS = 30;

  /** Decodes a body the way the dispatcher will: the whole body, for one context. */
  interface BodyDecoder<T> {
    T decode(WireReader body, DecodeContext ctx) throws TlsAlertException;
  }

  private static <T extends HandshakeMessage> void checkMany(Supplier<T> gen, BodyDecoder<T> decoder,
      DecodeContext ctx, Random random) {
    for (int i = 0; i < VALUES; i++) {
      T m = gen.get();
      Bytes body = CodecChecks.check(m, HandshakeMessage::body,
          b -> decoder.decode(WireReader.of(b, m.getClass().getSimpleName()), ctx), random, FLIPS);
      // The header carries the type code and the exact body length (RFC 5246 §7.4).
      Bytes full = m.encode();
      assertThat(full.getUnsigned(0)).isEqualTo(m.type().code());
      assertThat((full.getUnsigned(1) << 16) | (full.getUnsigned(2) << 8) | full.getUnsigned(3)).isEqualTo(body.length());
      assertThat(m.describe()).as("describe is stable").isEqualTo(m.describe()).isNotBlank();
    }
  }

  @Test
  void clientHelloRoundTripsOverSeededValues() {
    Random random = new Random(0xC11E);
    MessageGenA gen = new MessageGenA(random);
    checkMany(gen::clientHello, ClientHello::decode, DecodeContext.of(ProtocolVersion.TLS12), random);
  }

  @Test
  void serverHelloRoundTripsOverSeededValues() {
    Random random = new Random(0x5E11E);
    MessageGenA gen = new MessageGenA(random);
    checkMany(gen::serverHello, ServerHello::decode, DecodeContext.of(ProtocolVersion.TLS12), random);
  }

  @Test
  void certificateRoundTripsOverSeededValues() {
    Random random = new Random(0xCE47);
    MessageGenA gen = new MessageGenA(random);
    checkMany(gen::certificate, CertificateMessage::decode, DecodeContext.of(ProtocolVersion.TLS12), random);
  }

  @Test
  void finishedRoundTripsForEveryVersion() {
    Random random = new Random(0xF1);
    MessageGenA gen = new MessageGenA(random);
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      checkMany(() -> gen.finished(v), Finished::decode, DecodeContext.of(v), random);
    }
  }

  @Test
  void newSessionTicketRoundTripsOverSeededValues() {
    Random random = new Random(0x7C7);
    MessageGenA gen = new MessageGenA(random);
    checkMany(gen::newSessionTicket, NewSessionTicket::decode, DecodeContext.of(ProtocolVersion.TLS12), random);
  }

  @Test
  void emptyMessagesRoundTripAndHaveEmptyBodies() {
    Random random = new Random(0xE);
    DecodeContext ctx = DecodeContext.of(ProtocolVersion.TLS10);
    assertThat(CodecChecks.check(HelloRequest.INSTANCE, HandshakeMessage::body,
        b -> HelloRequest.decode(WireReader.of(b, "HelloRequest"), ctx), random, FLIPS)).isEqualTo(Bytes.EMPTY);
    assertThat(CodecChecks.check(ServerHelloDone.INSTANCE, HandshakeMessage::body,
        b -> ServerHelloDone.decode(WireReader.of(b, "ServerHelloDone"), ctx), random, FLIPS)).isEqualTo(Bytes.EMPTY);
    // RFC 5246 §7.4: msg_type then a zero uint24 length.
    assertThat(HelloRequest.INSTANCE.encode()).isEqualTo(Bytes.fromHex("00000000"));
    assertThat(ServerHelloDone.INSTANCE.encode()).isEqualTo(Bytes.fromHex("0e000000"));
  }
}
