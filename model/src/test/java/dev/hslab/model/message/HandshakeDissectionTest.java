package dev.hslab.model.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ChangeCipherSpec;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.WireField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The field maps our decoders record while they read (what report.html highlights), checked on
 * OpenSSL's own messages ({@link OpenSslCaptureTest}): each field where the RFC's layout puts it,
 * counted by hand from the captured hex, and every number recorded equal to the bytes under it.
 */
class HandshakeDissectionTest {

  private static final DecodeContext TLS12 = DecodeContext.of(ProtocolVersion.TLS12);

  private static WireField find(List<WireField> fields, String name) {
    for (WireField f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
      WireField inside = find(f.children(), name);
      if (inside != null) {
        return inside;
      }
    }
    return null;
  }

  private static List<WireField> all(List<WireField> fields) {
    List<WireField> out = new ArrayList<>();
    for (WireField f : fields) {
      out.add(f);
      out.addAll(all(f.children()));
    }
    return out;
  }

  private static String hexAt(Bytes b, WireField f) {
    return b.slice(f.offset(), f.end()).hex().toLowerCase(java.util.Locale.ROOT);
  }

  /** Every recorded number is the big-endian value of its bytes; children lie inside their parent, in order. */
  private static void consistent(Bytes message, List<WireField> fields, int from, int to) {
    int at = from;
    for (WireField f : fields) {
      assertThat(f.offset()).as(f.name()).isGreaterThanOrEqualTo(at);
      assertThat(f.end()).as(f.name()).isLessThanOrEqualTo(to);
      if (f.value() != null) {
        long v = 0;
        for (int i = f.offset(); i < f.end(); i++) {
          v = (v << 8) | message.getUnsigned(i);
        }
        assertThat(f.value()).as(f.name()).isEqualTo(v);
      }
      consistent(message, f.children(), f.offset(), f.end());
      at = f.end();
    }
  }

  @Test
  void openSslsServerHelloFieldsLieWhereRfc5246Section7413PutsThem() throws Exception {
    Bytes m = Bytes.fromHex(OpenSslCaptureTest.SERVER_HELLO);
    HandshakeCodec.Dissected d = HandshakeCodec.dissect(m, TLS12);
    assertThat(d.message()).isEqualTo(HandshakeCodec.decode(m, TLS12));
    consistent(m, d.fields(), 0, m.length());
    assertThat(d.fields()).extracting(WireField::name).containsExactly("msg_type", "length", "ServerHello");
    assertThat(find(d.fields(), "ServerHello").offset()).isEqualTo(4);
    assertThat(find(d.fields(), "ServerHello").end()).isEqualTo(m.length());
    // 02 000 03d | 0303 | random(32) | 00 (no session id) | c02c | 00 | 0015 extensions
    assertThat(find(d.fields(), "server_version")).extracting(WireField::offset, WireField::length).containsExactly(4, 2);
    assertThat(find(d.fields(), "random")).extracting(WireField::offset, WireField::length).containsExactly(6, 32);
    WireField suite = find(d.fields(), "cipher_suite");
    assertThat(suite).extracting(WireField::offset, WireField::length, WireField::value).containsExactly(39, 2, 0xc02cL);
    assertThat(hexAt(m, suite)).isEqualTo("c02c");
    assertThat(find(d.fields(), "compression_method").offset()).isEqualTo(41);
    WireField extensions = find(d.fields(), "extensions");
    assertThat(extensions.offset()).isEqualTo(42);
    assertThat(extensions.end()).isEqualTo(m.length());
    // ff01 0001 00 (renegotiation_info), 000b 0004 03000102, 0023 0000, 0017 0000
    assertThat(extensions.children()).extracting(WireField::name)
        .containsExactly("extensions length", "extension", "extension", "extension", "extension");
    assertThat(extensions.children().get(1).children().get(0).value()).isEqualTo(0xff01L);
  }

  @Test
  void openSslsClientHelloListsEachOfferedSuiteInsideTheVector() throws Exception {
    Bytes m = Bytes.fromHex(OpenSslCaptureTest.CLIENT_HELLO);
    HandshakeCodec.Dissected d = HandshakeCodec.dissect(m, TLS12);
    ClientHello ch = (ClientHello) d.message();
    consistent(m, d.fields(), 0, m.length());
    WireField suites = find(d.fields(), "cipher_suites");
    // 4 header + 2 version + 32 random + 1 session_id length 00, then the uint16 length 0038.
    assertThat(suites.offset()).isEqualTo(39);
    assertThat(suites.length()).isEqualTo(2 + 0x38);
    assertThat(suites.children()).hasSize(1 + ch.cipherSuites().size());
    assertThat(suites.children().subList(1, suites.children().size())).extracting(WireField::value)
        .containsExactlyElementsOf(ch.cipherSuites().stream().map(Integer::longValue).toList());
    assertThat(find(d.fields(), "server_name")).isNull();
    assertThat(all(d.fields())).extracting(WireField::name).contains("client_version", "session_id",
        "compression_methods", "extension_type", "extension_data", "named_group_list", "supported_signature_algorithms");
  }

  @Test
  void everyOpenSslMessageDissectsConsistently() throws Exception {
    for (String hex : List.of(OpenSslCaptureTest.CLIENT_HELLO, OpenSslCaptureTest.SERVER_HELLO,
        OpenSslCaptureTest.CERTIFICATE)) {
      Bytes m = Bytes.fromHex(hex);
      consistent(m, HandshakeCodec.dissect(m, TLS12).fields(), 0, m.length());
    }
  }

  @Test
  void alertChangeCipherSpecAndTheRecordHeaderNameTheirFieldsAsRfc5246() throws Exception {
    WireField.Recorder alert = new WireField.Recorder();
    Alert.decode(Bytes.fromHex("0228"), alert);
    assertThat(alert.fields()).extracting(WireField::name, WireField::offset, WireField::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("level", 0, 2L),
            org.assertj.core.groups.Tuple.tuple("description", 1, 40L));
    WireField.Recorder ccs = new WireField.Recorder();
    ChangeCipherSpec.decode(Bytes.fromHex("01"), ccs);
    assertThat(ccs.fields()).extracting(WireField::name, WireField::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("type", 1L));
    // RFC 5246 §6.2.1: type(1) version(2) length(2) fragment.
    List<WireField> record = TlsRecord.dissect(Bytes.fromHex("1603030004" + "0e000000"));
    assertThat(record).extracting(WireField::name, WireField::offset, WireField::length).containsExactly(
        org.assertj.core.groups.Tuple.tuple("type", 0, 1), org.assertj.core.groups.Tuple.tuple("version", 1, 2),
        org.assertj.core.groups.Tuple.tuple("length", 3, 2), org.assertj.core.groups.Tuple.tuple("fragment", 5, 4));
    // A truncated record gives what is there.
    assertThat(TlsRecord.dissect(Bytes.fromHex("16"))).extracting(WireField::name).containsExactly("type");
  }
}
