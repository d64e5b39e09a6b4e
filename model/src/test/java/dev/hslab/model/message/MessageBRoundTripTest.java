package dev.hslab.model.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.CodecChecks;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.WireReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round-trip properties ({@link CodecChecks}: exact round trip, every truncation, random bit
 * flips) of ServerKeyExchange, ClientKeyExchange, CertificateRequest and CertificateVerify, for
 * every key exchange and every version, over values from the seeded {@link MessageGenB}.
 */
class MessageBRoundTripTest {

  private static final long SEED = 0x48534c4142L;
  private static final int CASES = 30;
  private static final int FLIPS = 24;

  static Stream<Arguments> versionsAndKeyExchanges() {
    return ProtocolVersion.SUPPORTED.stream()
        .flatMap(v -> Stream.of(KeyExchange.values()).map(kx -> Arguments.of(v, kx)));
  }

  /** RFC 5246 §7.4.3: no ServerKeyExchange under RSA (its rejection is tested in ServerKeyExchangeTest). */
  static Stream<Arguments> versionsAndServerKeyExchanges() {
    return versionsAndKeyExchanges().filter(a -> a.get()[1] != KeyExchange.RSA);
  }

  static Stream<ProtocolVersion> versions() {
    return ProtocolVersion.SUPPORTED.stream();
  }

  private static Random random(Object... parts) {
    return new Random(SEED ^ java.util.Arrays.asList(parts).toString().hashCode());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versionsAndServerKeyExchanges")
  void serverKeyExchangeRoundTripsForEveryKeyExchangeAndVersion(ProtocolVersion v, KeyExchange kx) {
    Random random = random("ske", v, kx);
    MessageGenB gen = new MessageGenB(random);
    DecodeContext ctx = new DecodeContext(v, kx);
    for (int i = 0; i < CASES; i++) {
      ServerKeyExchange m = gen.serverKeyExchange(kx, v);
      CodecChecks.check(m, HandshakeMessage::body,
          b -> ServerKeyExchange.decode(WireReader.of(b, "ServerKeyExchange"), ctx), random, FLIPS);
      assertThat(m.fits(ctx)).as("generated %s fits %s", m, ctx).isTrue();
      assertThat(m.encode().slice(4, m.encode().length())).isEqualTo(m.body());
      assertThat(m.body().slice(0, m.signedParams().length())).isEqualTo(m.signedParams());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versionsAndKeyExchanges")
  void clientKeyExchangeRoundTripsForEveryKeyExchangeAndVersion(ProtocolVersion v, KeyExchange kx) {
    Random random = random("cke", v, kx);
    MessageGenB gen = new MessageGenB(random);
    DecodeContext ctx = new DecodeContext(v, kx);
    for (int i = 0; i < CASES; i++) {
      CodecChecks.check(gen.clientKeyExchange(kx, v), HandshakeMessage::body,
          b -> ClientKeyExchange.decode(WireReader.of(b, "ClientKeyExchange"), ctx), random, FLIPS);
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void certificateRequestRoundTripsForEveryVersion(ProtocolVersion v) {
    Random random = random("cr", v);
    MessageGenB gen = new MessageGenB(random);
    for (int i = 0; i < CASES * 2; i++) {
      CodecChecks.check(gen.certificateRequest(v), HandshakeMessage::body,
          b -> CertificateRequest.decode(WireReader.of(b, "CertificateRequest"), DecodeContext.of(v)), random, FLIPS);
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void certificateVerifyRoundTripsForEveryVersion(ProtocolVersion v) {
    Random random = random("cv", v);
    MessageGenB gen = new MessageGenB(random);
    for (int i = 0; i < CASES * 2; i++) {
      CodecChecks.check(gen.certificateVerify(v), HandshakeMessage::body,
          b -> CertificateVerify.decode(WireReader.of(b, "CertificateVerify"), DecodeContext.of(v)), random, FLIPS);
    }
  }

  @Test
  void roundTripsFieldsAtTheirMaximalLengths() throws Exception {
    // The upper bounds the generator caps: 2^16-1 opaque fields, 2^15-1 algorithms, a 2^16-1 CA list.
    Bytes max16 = Bytes.wrap(new byte[0xffff]);
    Bytes max8 = Bytes.wrap(new byte[0xff]);
    DecodeContext tls12 = new DecodeContext(ProtocolVersion.TLS12, KeyExchange.DHE_RSA);
    ServerKeyExchange ske = ServerKeyExchange.signed(new ServerDhParams(max16, max16, max16),
        DigitallySigned.tls12(0xffff, max16));
    assertThat(ServerKeyExchange.decode(WireReader.of(ske.body(), "t"), tls12)).isEqualTo(ske);

    ServerKeyExchange psk = ServerKeyExchange.unsigned(new EcdhePskServerParams(max16, new ServerEcdhParams(0xffff, max8)));
    assertThat(ServerKeyExchange.decode(WireReader.of(psk.body(), "t"),
        new DecodeContext(ProtocolVersion.TLS10, KeyExchange.ECDHE_PSK))).isEqualTo(psk);

    ClientKeyExchange cke = new ClientKeyExchange(new ClientExchangeKeys.EcdhePsk(max16, max8));
    assertThat(ClientKeyExchange.decode(WireReader.of(cke.body(), "t"),
        new DecodeContext(ProtocolVersion.TLS12, KeyExchange.ECDHE_PSK))).isEqualTo(cke);

    List<Integer> types = new ArrayList<>(Collections.nCopies(0xff, 64));
    List<Integer> algs = new ArrayList<>(Collections.nCopies(0x7fff, 0x0401));
    // One DN of 2^16-3 bytes fills certificate_authorities<0..2^16-1> exactly with its length.
    CertificateRequest cr = new CertificateRequest(types, Optional.of(algs), List.of(Bytes.wrap(new byte[0xffff - 2])));
    assertThat(CertificateRequest.decode(WireReader.of(cr.body(), "t"), DecodeContext.of(ProtocolVersion.TLS12)))
        .isEqualTo(cr);
    assertThat(cr.body().length()).isEqualTo(1 + 0xff + 2 + 0xfffe + 2 + 0xffff);
  }
}
