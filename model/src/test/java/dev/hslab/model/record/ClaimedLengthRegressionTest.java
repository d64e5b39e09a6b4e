package dev.hslab.model.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.message.HandshakeReassembler;
import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the fuzzing finding "memory grows with the claimed length": the record
 * reader and the handshake reassembler used to allocate the whole declared body (up to 64 KiB
 * and 16 MiB) as soon as a header arrived. Now a header reserves at most 1 KiB and the buffer
 * grows with the bytes that actually come, while whole records and messages still come out
 * byte for byte.
 */
class ClaimedLengthRegressionTest {

  @Test
  void reassemblerDoesNotReserveAClaimed2Pow24ByteMessageForAFewBytes() throws TlsAlertException {
    HandshakeReassembler r = new HandshakeReassembler(HandshakeReassembler.PROTOCOL_MAX_MESSAGE_LENGTH);
    assertThat(r.add(Bytes.fromHex("01ffffff 03030000"))).isEmpty();
    assertThat(r.hasPartialMessage()).isTrue();
    assertThat(r.bufferedCapacity()).isLessThanOrEqualTo(1024);
    r.add(Bytes.wrap(new byte[3000]));
    assertThat(r.bufferedCapacity()).as("at most twice what arrived").isLessThanOrEqualTo(2 * 3004);
  }

  @Test
  void recordReaderDoesNotReserveTheClaimedRecordLengthForAHeader() throws TlsAlertException {
    RecordReader reader = new RecordReader(0xffff);
    assertThat(reader.feed(Bytes.fromHex("160303ffff 010203").toByteArray())).isEqualTo(8);
    assertThat(reader.bufferedCapacity()).isLessThanOrEqualTo(1024);
  }

  @Test
  void growingBuffersStillDeliverLargeMessagesAndRecordsExactly() throws TlsAlertException {
    byte[] body = new byte[100_000];
    new Random(5).nextBytes(body);
    byte[] message = new byte[4 + body.length];
    message[0] = 11; // certificate
    message[1] = (byte) (body.length >>> 16);
    message[2] = (byte) (body.length >>> 8);
    message[3] = (byte) body.length;
    System.arraycopy(body, 0, message, 4, body.length);
    HandshakeReassembler r = new HandshakeReassembler(1 << 17);
    List<HandshakeReassembler.Message> done = List.of();
    for (int off = 0; off < message.length; off += 777) {
      done = r.add(Bytes.of(message, off, Math.min(777, message.length - off)));
    }
    assertThat(done).singleElement().satisfies(m -> {
      assertThat(m.type()).isEqualTo(HandshakeType.CERTIFICATE);
      assertThat(m.fullEncoding()).isEqualTo(Bytes.wrap(message));
    });
    assertThat(r.bufferedCapacity()).isZero();

    byte[] record = new byte[5 + TlsRecord.MAX_CIPHERTEXT];
    record[0] = 23;
    record[1] = 3;
    record[2] = 3;
    record[3] = (byte) (TlsRecord.MAX_CIPHERTEXT >>> 8);
    record[4] = (byte) TlsRecord.MAX_CIPHERTEXT;
    System.arraycopy(body, 0, record, 5, TlsRecord.MAX_CIPHERTEXT);
    RecordReader reader = new RecordReader(TlsRecord.MAX_CIPHERTEXT);
    for (int off = 0; off < record.length; ) {
      off += reader.feed(record, off, Math.min(333, record.length - off));
    }
    assertThat(reader.take()).get().extracting(TlsRecord::fragment).isEqualTo(Bytes.of(body, 0, TlsRecord.MAX_CIPHERTEXT));
    assertThat(reader.bufferedCapacity()).isZero();
  }
}
