package dev.hslab.model.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordReaderTest {

  @Test
  void randomChunkingYieldsTheSameRecords() throws TlsAlertException {
    Random random = new Random(42);
    List<TlsRecord> sent = new ArrayList<>();
    ContentType[] types = ContentType.values();
    for (int i = 0; i < 40; i++) {
      int len = i % 7 == 0 ? 0 : random.nextInt(i % 5 == 0 ? TlsRecord.MAX_PLAINTEXT + 1 : 300);
      byte[] b = new byte[len];
      random.nextBytes(b);
      sent.add(new TlsRecord(types[random.nextInt(types.length)], ProtocolVersion.TLS12, Bytes.wrap(b)));
    }
    byte[] stream = Bytes.concat(sent.stream().map(TlsRecord::encode).toArray(Bytes[]::new)).toByteArray();
    for (int seed = 0; seed < 20; seed++) {
      Random chunks = new Random(seed);
      RecordReader reader = new RecordReader();
      List<TlsRecord> got = new ArrayList<>();
      int pos = 0;
      while (pos < stream.length) {
        int chunk = Math.min(stream.length - pos, 1 + chunks.nextInt(seed % 2 == 0 ? 7 : 3000));
        int off = 0;
        while (off < chunk) {
          off += reader.feed(stream, pos + off, chunk - off);
          reader.take().ifPresent(got::add);
        }
        pos += chunk;
      }
      assertThat(got).as("chunking seed %d", seed).isEqualTo(sent);
      assertThat(reader.hasPartialRecord()).isFalse();
    }
  }

  @Test
  void feedStopsAtTheEndOfOneRecordSoTheLimitCanChangeBetweenRecords() throws TlsAlertException {
    // ChangeCipherSpec then a protected 17000-byte record in one chunk (RFC 5246 §6.2.3 limit applies after CCS).
    Bytes ccs = new TlsRecord(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.TLS12, Bytes.of((byte) 1)).encode();
    Bytes big = new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12, Bytes.wrap(new byte[17000])).encode();
    byte[] stream = Bytes.concat(ccs, big).toByteArray();
    RecordReader reader = new RecordReader();
    int used = reader.feed(stream);
    assertThat(used).isEqualTo(ccs.length());
    assertThat(reader.feed(stream, used, stream.length - used)).as("nothing more until the record is taken").isZero();
    assertThat(reader.take().orElseThrow().type()).isEqualTo(ContentType.CHANGE_CIPHER_SPEC);
    reader.setMaxFragmentLength(TlsRecord.MAX_CIPHERTEXT);
    assertThat(reader.feed(stream, used, stream.length - used)).isEqualTo(big.length());
    assertThat(reader.take().orElseThrow().fragment().length()).isEqualTo(17000);
  }

  @Test
  void oversizeDeclaredLengthIsRecordOverflowFromTheHeaderAlone() {
    // Header claims 65535 bytes, three bytes follow: refused at the header, nothing buffered.
    byte[] claim = Bytes.fromHex("170303ffff 010203").toByteArray();
    RecordReader reader = new RecordReader();
    TlsAlertException e = catchThrowableOfType(TlsAlertException.class, () -> reader.feed(claim));
    assertThat(e.alert()).isEqualTo(AlertDescription.RECORD_OVERFLOW);
    assertThat(e.getMessage()).isEqualTo("record: application_data length 65535 exceeds 16384");

    RecordReader protectedReader = new RecordReader(TlsRecord.MAX_CIPHERTEXT);
    byte[] justOver = Bytes.fromHex("1603034801").toByteArray(); // 18433 = 2^14 + 2048 + 1
    assertThat(catchThrowableOfType(TlsAlertException.class, () -> protectedReader.feed(justOver)).alert())
        .isEqualTo(AlertDescription.RECORD_OVERFLOW);
  }

  @Test
  void lengthExactlyAtTheLimitIsAccepted() throws TlsAlertException {
    RecordReader reader = new RecordReader();
    byte[] header = Bytes.fromHex("1603034000").toByteArray(); // 2^14
    assertThat(reader.feed(header)).isEqualTo(5);
    assertThat(reader.hasPartialRecord()).isTrue();
    assertThat(reader.take()).isEmpty();
  }

  @Test
  void unknownContentTypeIsUnexpectedMessage() {
    RecordReader reader = new RecordReader();
    TlsAlertException e = catchThrowableOfType(TlsAlertException.class,
        () -> reader.feed(Bytes.fromHex("1803030001 00").toByteArray()));
    assertThat(e.alert()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
    // The reader stays failed with the same alert.
    assertThat(catchThrowableOfType(TlsAlertException.class, () -> reader.feed(new byte[1])).alert())
        .isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
  }

  @Test
  void zeroLengthRecordsAreParsedAndFlaggedWhenTheirTypeMayNotBeEmpty() throws TlsAlertException {
    RecordReader reader = new RecordReader();
    reader.feed(Bytes.fromHex("1703030000").toByteArray());
    TlsRecord appData = reader.take().orElseThrow();
    reader.feed(Bytes.fromHex("1603030000").toByteArray());
    TlsRecord handshake = reader.take().orElseThrow();
    assertThat(appData.isForbiddenEmpty()).isFalse();
    assertThat(handshake.isForbiddenEmpty()).isTrue(); // RFC 5246 §6.2.1
  }

  @Test
  void encodesTheHeaderTypeVersionAndLength() {
    TlsRecord r = new TlsRecord(ContentType.ALERT, ProtocolVersion.TLS10, Bytes.fromHex("0100"));
    assertThat(r.encode()).isEqualTo(Bytes.fromHex("15 0301 0002 0100"));
  }
}
