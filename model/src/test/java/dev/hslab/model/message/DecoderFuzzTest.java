package dev.hslab.model.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hslab.model.message.extension.Extension;
import dev.hslab.model.message.extension.Extensions;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ChangeCipherSpec;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes every decoder: each handshake message type × version × key exchange (or none yet), the
 * extension block, Alert and ChangeCipherSpec. Allowed outcomes: a value, or a
 * {@link TlsAlertException}; a decoded message must re-encode to bytes that decode to the same
 * value (a decoder that accepts what its encoder cannot reproduce hides a parsing bug). Corpus:
 * {@code src/test/resources/dev/hslab/model/message/DecoderFuzzTestInputs/}.
 */
class DecoderFuzzTest {

  /** The TLS types, as before DTLS added hello_verify_request, so the kept corpus means what it meant. */
  private static final HandshakeType[] TYPES =
      java.util.Arrays.stream(HandshakeType.values()).filter(t -> !t.dtlsOnly()).toArray(HandshakeType[]::new);
  private static final KeyExchange[] KEXES = KeyExchange.values();

  /** Byte 0: type; byte 1: version; byte 2: key exchange (past the last: none yet); rest: the body. */
  @FuzzTest(maxDuration = "30m")
  void everyHandshakeDecoderFailsOnlyWithAnAlertAndRoundTrips(byte[] data) throws Exception {
    if (data.length < 3) {
      return;
    }
    HandshakeType type = TYPES[(data[0] & 0xff) % TYPES.length];
    ProtocolVersion v = ProtocolVersion.SUPPORTED.get((data[1] & 0xff) % ProtocolVersion.SUPPORTED.size());
    int k = (data[2] & 0xff) % (KEXES.length + 1);
    DecodeContext ctx = new DecodeContext(v, k == KEXES.length ? null : KEXES[k]);
    Bytes body = Bytes.wrap(Arrays.copyOfRange(data, 3, data.length));
    HandshakeMessage m;
    try {
      m = HandshakeCodec.decodeBody(type, body, ctx);
    } catch (TlsAlertException e) {
      assertThat(e.alert()).isNotNull();
      return;
    }
    assertThat(m.type()).isEqualTo(type);
    assertThat(m.describe()).isNotBlank();
    HandshakeMessage again = HandshakeCodec.decode(m.encode(), ctx);
    assertThat(again.encode()).isEqualTo(m.encode());
  }

  /** Byte 0 chooses the decoder (extension block, one extension, Alert, ChangeCipherSpec). */
  @FuzzTest(maxDuration = "30m")
  void extensionAlertAndCcsDecodersFailOnlyWithAnAlert(byte[] data) throws Exception {
    if (data.length < 1) {
      return;
    }
    Bytes rest = Bytes.wrap(Arrays.copyOfRange(data, 1, data.length));
    try {
      switch ((data[0] & 0xff) % 4) {
        case 0 -> {
          List<Extension> exts = Extensions.read(WireReader.of(rest, "extensions"));
          WireWriter w = new WireWriter();
          Extensions.write(w, exts);
          assertThat(Extensions.read(WireReader.of(w.toBytes(), "extensions"))).isEqualTo(exts);
        }
        case 1 -> {
          WireReader r = WireReader.of(rest, "extension");
          Extension e = Extensions.readOne(r);
          WireWriter w = new WireWriter();
          Extensions.writeOne(w, e);
          assertThat(Extensions.readOne(WireReader.of(w.toBytes(), "extension"))).isEqualTo(e);
        }
        case 2 -> assertThat(Alert.decode(rest).encode()).isEqualTo(rest);
        default -> {
          ChangeCipherSpec.decode(rest);
          assertThat(rest.length()).isEqualTo(1);
        }
      }
    } catch (TlsAlertException e) {
      assertThat(e.alert()).isNotNull();
    }
  }
}
