package dev.hslab.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireReaderTest {

  @Test
  void readsUnsignedIntegersBigEndian() throws TlsAlertException {
    WireReader r = WireReader.of(Bytes.fromHex("ff fffe fffffd fffffffc"), "t");
    assertThat(r.uint8("a")).isEqualTo(0xff);
    assertThat(r.uint16("b")).isEqualTo(0xfffe);
    assertThat(r.uint24("c")).isEqualTo(0xfffffd);
    assertThat(r.uint32("d")).isEqualTo(0xfffffffcL);
    r.expectEnd("all");
  }

  @Test
  void overrunIsDecodeErrorNamingTheField() {
    WireReader r = WireReader.of(Bytes.fromHex("0005 0102"), "ServerHello");
    assertThatThrownBy(() -> r.opaque16("session_id", 0, 32))
        .isInstanceOfSatisfying(TlsAlertException.class, e -> {
          assertThat(e.alert()).isEqualTo(AlertDescription.DECODE_ERROR);
          assertThat(e.getMessage()).isEqualTo("ServerHello: session_id needs 5 bytes, 2 left");
        });
  }

  @Test
  void lengthAboveTheLimitIsRefusedBeforeReading() {
    WireReader r = WireReader.of(Bytes.fromHex("21"), "ClientHello");
    assertThatThrownBy(() -> r.opaque8("session_id", 0, 32))
        .hasMessage("ClientHello: session_id length 33 outside 0..32");
  }

  @Test
  void trailingBytesAreDecodeError() throws TlsAlertException {
    WireReader r = WireReader.of(Bytes.fromHex("0102"), "Finished");
    r.uint8("x");
    assertThatThrownBy(() -> r.expectEnd("Finished"))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.DECODE_ERROR))
        .hasMessage("Finished: 1 trailing bytes after Finished");
  }

  @Test
  void writerPatchesVectorLengths() {
    WireWriter w = new WireWriter(1);
    int outer = w.begin(2);
    int inner = w.begin(1);
    w.bytes(Bytes.fromHex("aabbcc"));
    w.end(inner);
    w.uint24(0x010203);
    w.end(outer);
    assertThat(w.toBytes()).isEqualTo(Bytes.fromHex("0007 03aabbcc 010203"));
  }

  @Test
  void writerRefusesAVectorLongerThanItsLengthField() {
    WireWriter w = new WireWriter();
    int m = w.begin(1);
    w.bytes(Bytes.wrap(new byte[256]));
    assertThatThrownBy(() -> w.end(m)).isInstanceOf(IllegalArgumentException.class);
  }
}
