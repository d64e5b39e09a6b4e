package dev.hslab.model.message.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.message.MessageGenA;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.CodecChecks;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Round trips of every extension, alone and as a block, over seeded random values. */
class ExtensionRoundTripTest {

  private static Bytes encodeOne(Extension e) {
    WireWriter w = new WireWriter();
    Extensions.writeOne(w, e);
    return w.toBytes();
  }

  private static Extension decodeOne(Bytes b) throws dev.hslab.model.wire.TlsAlertException {
    WireReader r = WireReader.of(b, "extension");
    Extension e = Extensions.readOne(r);
    r.expectEnd("extension");
    return e;
  }

  @Test
  void everyExtensionRoundTripsOverSeededValues() {
    Random random = new Random(0xE87);
    MessageGenA gen = new MessageGenA(random);
    Set<ExtensionType> covered = EnumSet.noneOf(ExtensionType.class);
    int unknown = 0;
    for (int i = 0; i < 2000; i++) {
      Extension e = gen.extension();
      Bytes enc = CodecChecks.check(e, ExtensionRoundTripTest::encodeOne, ExtensionRoundTripTest::decodeOne, random, 20);
      // RFC 5246 §7.4.1.4: extension_type(2) then extension_data<0..2^16-1>.
      assertThat((enc.getUnsigned(0) << 8) | enc.getUnsigned(1)).isEqualTo(e.typeCode());
      assertThat((enc.getUnsigned(2) << 8) | enc.getUnsigned(3)).isEqualTo(enc.length() - 4);
      ExtensionType.fromCode(e.typeCode()).ifPresent(covered::add);
      unknown += e instanceof UnknownExtension ? 1 : 0;
    }
    assertThat(covered).containsExactlyInAnyOrder(ExtensionType.values());
    assertThat(unknown).isPositive();
  }

  @Test
  void extensionBlocksRoundTripIncludingAbsentAndEmpty() {
    Random random = new Random(0xB10C);
    MessageGenA gen = new MessageGenA(random);
    boolean sawAbsent = false;
    boolean sawEmpty = false;
    for (int i = 0; i < 300; i++) {
      Optional<List<Extension>> block = gen.extensions();
      sawAbsent |= block.isEmpty();
      sawEmpty |= block.isPresent() && block.get().isEmpty();
      CodecChecks.check(block, b -> {
        WireWriter w = new WireWriter();
        Extensions.writeOptional(w, b);
        return w.toBytes();
      }, b -> {
        WireReader r = WireReader.of(b, "hello");
        Optional<List<Extension>> out = Extensions.readOptional(r);
        r.expectEnd("hello");
        return out;
      }, random, 20);
    }
    assertThat(sawAbsent).isTrue();
    assertThat(sawEmpty).isTrue();
  }

  @Test
  void absentAndEmptyBlocksEncodeDifferently() {
    WireWriter absent = new WireWriter();
    Extensions.writeOptional(absent, Optional.empty());
    WireWriter empty = new WireWriter();
    Extensions.writeOptional(empty, Optional.of(List.of()));
    assertThat(absent.toBytes()).isEqualTo(Bytes.EMPTY);
    assertThat(empty.toBytes()).isEqualTo(Bytes.fromHex("0000"));
  }

  @Test
  void knownExtensionsHaveTheirRfcBytes() throws Exception {
    // RFC 5746 §3.2 initial handshake: type ff01, length 1, renegotiated_connection length 0.
    assertThat(encodeOne(RenegotiationInfoExtension.INITIAL)).isEqualTo(Bytes.fromHex("ff01 0001 00"));
    // RFC 7627 §5.1: type 0x0017, empty data.
    assertThat(encodeOne(ExtendedMasterSecretExtension.INSTANCE)).isEqualTo(Bytes.fromHex("0017 0000"));
    // RFC 6066 §3: list length 0x000c, host_name(0), name length 9 "localhost".
    assertThat(encodeOne(ServerNameExtension.ofHostName("localhost")))
        .isEqualTo(Bytes.fromHex("0000 000e 000c 00 0009 6c6f63616c686f7374"));
    // RFC 6066 §3: the server's acknowledgement is empty extension_data.
    assertThat(decodeOne(Bytes.fromHex("0000 0000"))).isEqualTo(ServerNameExtension.acknowledgement());
    assertThat(encodeOne(EcPointFormatsExtension.uncompressedOnly())).isEqualTo(Bytes.fromHex("000b 0002 01 00"));
    assertThat(encodeOne(SessionTicketExtension.EMPTY)).isEqualTo(Bytes.fromHex("0023 0000"));
  }

  @Test
  void maximumSizeExtensionsRoundTrip() throws Exception {
    // extension_data<0..2^16-1>: a session ticket filling the whole data field.
    Bytes ticket = new MessageGenA(new Random(1)).bytes(0xffff);
    SessionTicketExtension big = new SessionTicketExtension(ticket);
    assertThat(decodeOne(encodeOne(big))).isEqualTo(big);
    // A renegotiated_connection of the 255-byte maximum (RFC 5746 §3.2).
    RenegotiationInfoExtension ri = new RenegotiationInfoExtension(new MessageGenA(new Random(2)).bytes(255));
    assertThat(decodeOne(encodeOne(ri))).isEqualTo(ri);
    // The largest signature_algorithms that fits extension_data: (65535 - 2) / 2 codes.
    List<Integer> codes = java.util.stream.IntStream.range(0, 32766).boxed().toList();
    SignatureAlgorithmsExtension sa = new SignatureAlgorithmsExtension(codes);
    assertThat(decodeOne(encodeOne(sa))).isEqualTo(sa);
  }
}
