package dev.hslab.model.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Malformed bodies of part A's messages end in the RFC's alert, never in a value or a crash. */
class MessageStrictnessTest {

  private static final DecodeContext TLS12 = DecodeContext.of(ProtocolVersion.TLS12);
  private static final DecodeContext SSL3 = DecodeContext.of(ProtocolVersion.SSL3);
  private static final String RANDOM = "00".repeat(32);
  /** client_version 3.3, random, empty session_id, one suite (0x002f), null compression. */
  private static final String CH_PREFIX = "0303" + RANDOM + "00" + "0002002f" + "0100";
  /** server_version 3.3, random, empty session_id, suite 0x002f, null compression. */
  private static final String SH_PREFIX = "0303" + RANDOM + "00" + "002f" + "00";

  private static void assertAlert(String hex, MessageRoundTripTest.BodyDecoder<?> decoder, DecodeContext ctx,
      AlertDescription alert, String messagePart) {
    assertThatThrownBy(() -> decoder.decode(WireReader.of(Bytes.fromHex(hex), "msg"), ctx))
        .isInstanceOfSatisfying(TlsAlertException.class, e -> {
          assertThat(e.alert()).isEqualTo(alert);
          assertThat(e.getMessage()).contains(messagePart);
        });
  }

  private static <T> T decode(String hex, MessageRoundTripTest.BodyDecoder<T> decoder) throws TlsAlertException {
    return decoder.decode(WireReader.of(Bytes.fromHex(hex), "msg"), TLS12);
  }

  @Test
  void rejectsClientHelloWithTrailingBytes() {
    assertAlert(CH_PREFIX + "0000" + "ff", ClientHello::decode, TLS12, AlertDescription.DECODE_ERROR, "1 trailing bytes");
    // Without extensions a single stray byte cannot be an extensions length either.
    assertAlert(CH_PREFIX + "ff", ClientHello::decode, TLS12, AlertDescription.DECODE_ERROR, "extensions length");
  }

  @Test
  void rejectsServerHelloWithTrailingBytes() {
    assertAlert(SH_PREFIX + "0000" + "0102", ServerHello::decode, TLS12, AlertDescription.DECODE_ERROR, "2 trailing bytes");
  }

  @Test
  void rejectsSessionIdOf33Bytes() {
    String sid33 = "21" + "ab".repeat(33);
    assertAlert("0303" + RANDOM + sid33 + "0002002f0100", ClientHello::decode, TLS12,
        AlertDescription.DECODE_ERROR, "session_id length 33 outside 0..32");
    assertAlert("0303" + RANDOM + sid33 + "002f00", ServerHello::decode, TLS12,
        AlertDescription.DECODE_ERROR, "session_id length 33 outside 0..32");
  }

  @Test
  void rejectsOddLengthCipherSuites() {
    assertAlert("0303" + RANDOM + "00" + "0003002f00" + "0100", ClientHello::decode, TLS12,
        AlertDescription.DECODE_ERROR, "not a multiple of 2");
  }

  @Test
  void rejectsZeroLengthCipherSuites() {
    // RFC 5246 §7.4.1.2: cipher_suites<2..2^16-2>.
    assertAlert("0303" + RANDOM + "00" + "0000" + "0100", ClientHello::decode, TLS12,
        AlertDescription.DECODE_ERROR, "cipher_suites length 0 outside 2..65534");
  }

  @Test
  void rejectsClientHelloWithoutNullCompression() {
    assertAlert("0303" + RANDOM + "00" + "0002002f" + "020140", ClientHello::decode, TLS12,
        AlertDescription.DECODE_ERROR, "lacks null");
    // compression_methods<1..2^8-1>: an empty vector is malformed too.
    assertAlert("0303" + RANDOM + "00" + "0002002f" + "00", ClientHello::decode, TLS12,
        AlertDescription.DECODE_ERROR, "compression_methods length 0");
  }

  @Test
  void rejectsFinishedOfTheOtherVersionsLength() {
    String tls = "11".repeat(12);
    String ssl3 = "22".repeat(36);
    assertAlert(ssl3, Finished::decode, TLS12, AlertDescription.DECODE_ERROR, "verify_data is 36 bytes, TLSv1.2 needs 12");
    assertAlert(tls, Finished::decode, SSL3, AlertDescription.DECODE_ERROR, "verify_data is 12 bytes, SSLv3 needs 36");
    assertAlert("11".repeat(11), Finished::decode, TLS12, AlertDescription.DECODE_ERROR, "needs 12");
    assertAlert("11".repeat(13), Finished::decode, DecodeContext.of(ProtocolVersion.TLS10),
        AlertDescription.DECODE_ERROR, "needs 12");
    assertAlert("", Finished::decode, SSL3, AlertDescription.DECODE_ERROR, "needs 36");
  }

  @Test
  void rejectsDuplicateExtensionWithIllegalParameter() {
    String twoEms = "0008" + "00170000" + "00170000";
    assertAlert(CH_PREFIX + twoEms, ClientHello::decode, TLS12, AlertDescription.ILLEGAL_PARAMETER,
        "duplicate extension extended_master_secret");
    assertAlert(SH_PREFIX + twoEms, ServerHello::decode, TLS12, AlertDescription.ILLEGAL_PARAMETER, "duplicate");
    // Unknown types are duplicates too.
    assertAlert(CH_PREFIX + "0008" + "12340000" + "12340000", ClientHello::decode, TLS12,
        AlertDescription.ILLEGAL_PARAMETER, "extension_0x1234");
  }

  @Test
  void keepsEmptyExtensionListDistinctFromAbsent() throws TlsAlertException {
    ClientHello empty = decode(CH_PREFIX + "0000", ClientHello::decode);
    ClientHello absent = decode(CH_PREFIX, ClientHello::decode);
    assertThat(empty.extensions()).contains(List.of());
    assertThat(absent.extensions()).isEqualTo(Optional.empty());
    assertThat(empty).isNotEqualTo(absent);
    assertThat(empty.body()).isEqualTo(Bytes.fromHex(CH_PREFIX + "0000"));
    assertThat(absent.body()).isEqualTo(Bytes.fromHex(CH_PREFIX));
    assertThat(decode(SH_PREFIX + "0000", ServerHello::decode).extensions()).contains(List.of());
  }

  @Test
  void rejectsMalformedExtensionData() {
    // RFC 7627 §5.1: extended_master_secret data is empty.
    assertAlert(CH_PREFIX + "0005" + "0017000100", ClientHello::decode, TLS12, AlertDescription.DECODE_ERROR,
        "extension_data must be empty");
    // RFC 5746 §3.2: renegotiated_connection length must match extension_data.
    assertAlert(CH_PREFIX + "0006" + "ff01000202aa", ClientHello::decode, TLS12, AlertDescription.DECODE_ERROR,
        "renegotiated_connection needs 2 bytes");
    assertAlert(CH_PREFIX + "0007" + "ff01000300aabb", ClientHello::decode, TLS12, AlertDescription.DECODE_ERROR,
        "trailing bytes after renegotiation_info");
    // RFC 8422 §5.1.1: named_group_list<2..2^16-1> of uint16 codes.
    assertAlert(CH_PREFIX + "0009" + "000a0005" + "0003001d17", ClientHello::decode, TLS12, AlertDescription.DECODE_ERROR,
        "not a multiple of 2");
    // RFC 6066 §3: HostName<1..2^16-1>; at most one name per name_type.
    assertAlert(CH_PREFIX + "0009" + "00000005000300" + "0000", ClientHello::decode, TLS12,
        AlertDescription.DECODE_ERROR, "server name length 0 outside 1..65535");
    assertAlert(CH_PREFIX + "000e" + "0000000a" + "0008" + "000001" + "61" + "000001" + "62", ClientHello::decode, TLS12,
        AlertDescription.ILLEGAL_PARAMETER, "two names of type 0");
    // An extension whose declared length runs past the block.
    assertAlert(CH_PREFIX + "0004" + "00230005", ClientHello::decode, TLS12, AlertDescription.DECODE_ERROR,
        "extension_data needs 5 bytes");
  }

  @Test
  void rejectsMalformedCertificateMessages() {
    // RFC 5246 §7.4.2: ASN.1Cert<1..2^24-1>: an empty certificate entry is malformed.
    assertAlert("000003" + "000000", CertificateMessage::decode, TLS12, AlertDescription.DECODE_ERROR,
        "ASN.1Cert length 0 outside");
    assertAlert("000005" + "00000301", CertificateMessage::decode, TLS12, AlertDescription.DECODE_ERROR,
        "certificate_list needs 5 bytes");
    assertAlert("000004" + "00000101" + "00", CertificateMessage::decode, TLS12, AlertDescription.DECODE_ERROR,
        "trailing bytes");
  }

  @Test
  void acceptsEmptyCertificateList() throws TlsAlertException {
    // RFC 5246 §7.4.6: a client without a certificate sends an empty certificate_list.
    assertThat(decode("000000", CertificateMessage::decode).certificates()).isEmpty();
  }

  @Test
  void rejectsBodiesOfEmptyMessagesAndTruncatedTickets() {
    assertAlert("00", HelloRequest::decode, TLS12, AlertDescription.DECODE_ERROR, "trailing bytes after HelloRequest");
    assertAlert("0000", ServerHelloDone::decode, TLS12, AlertDescription.DECODE_ERROR, "after ServerHelloDone");
    assertAlert("00001c20" + "0004aabbcc", NewSessionTicket::decode, TLS12, AlertDescription.DECODE_ERROR,
        "ticket needs 4 bytes");
    assertAlert("00001c", NewSessionTicket::decode, TLS12, AlertDescription.DECODE_ERROR, "ticket_lifetime_hint");
  }

  @Test
  void roundTripsMaximumLengthFields() throws TlsAlertException {
    MessageGenA gen = new MessageGenA(new java.util.Random(7));
    // cipher_suites<2..2^16-2>: 32767 codes, every one of them distinct and most unknown.
    List<Integer> suites = java.util.stream.IntStream.range(0, 0x7fff).boxed().toList();
    ClientHello ch = new ClientHello(ProtocolVersion.TLS12, gen.bytes(32), gen.bytes(32), suites,
        java.util.stream.IntStream.range(0, 255).boxed().toList(), Optional.empty());
    assertThat(decode(ch.body().hex(), ClientHello::decode)).isEqualTo(ch);
    // uint24 lengths above 2^16 (RFC 5246 §7.4.2).
    CertificateMessage cert = new CertificateMessage(List.of(gen.bytes(70_000), gen.bytes(1)));
    assertThat(decode(cert.body().hex(), CertificateMessage::decode)).isEqualTo(cert);
    NewSessionTicket t = new NewSessionTicket(0xffffffffL, gen.bytes(0xffff));
    assertThat(decode(t.body().hex(), NewSessionTicket::decode)).isEqualTo(t);
  }
}
