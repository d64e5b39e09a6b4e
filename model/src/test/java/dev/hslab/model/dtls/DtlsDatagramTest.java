package dev.hslab.model.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.dtls.RecordDecision.Accepted;
import dev.hslab.model.dtls.RecordDecision.Discarded;
import dev.hslab.model.dtls.RecordDecision.Reason;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record header codec (RFC 6347 §4.1) and datagrams of whole records (§4.1.1). */
class DtlsDatagramTest {

  private static final DtlsRecord CCS = new DtlsRecord(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.DTLS12, 0, 5, Bytes.of((byte) 1));
  private static final DtlsRecord DATA = new DtlsRecord(ContentType.APPLICATION_DATA, ProtocolVersion.DTLS10, 1,
      0x0000_1234_5678_9ABCL, Bytes.fromHex("aabbcc"));

  @Test
  void encodesTheThirteenByteHeaderFieldByField() {
    // type(1)=20, version {254,253}, epoch(2)=0, sequence_number(6)=5, length(2)=1, fragment 01
    assertThat(CCS.encode().hex()).isEqualTo("14" + "fefd" + "0000" + "000000000005" + "0001" + "01");
    assertThat(DATA.encode().hex()).isEqualTo("17" + "feff" + "0001" + "123456789abc" + "0003" + "aabbcc");
    // RFC 6347 §4.1.2.1: the 64-bit MAC sequence number is epoch || sequence_number.
    assertThat(DATA.macSequenceNumber()).isEqualTo(0x0001_1234_5678_9ABCL);
  }

  @Test
  void decodesSeveralRecordsOfOneDatagramInOrder() {
    Bytes datagram = DtlsDatagram.encode(List.of(CCS, DATA, CCS));
    assertThat(DtlsDatagram.decode(datagram)).containsExactly(new Accepted(CCS), new Accepted(DATA), new Accepted(CCS));
  }

  @Test
  void aLengthPastTheDatagramDiscardsTheRestButKeepsWhatCameBefore() {
    Bytes datagram = Bytes.concat(CCS.encode(), DATA.encode().slice(0, 15));
    List<RecordDecision> d = DtlsDatagram.decode(datagram);
    assertThat(d).hasSize(2);
    assertThat(d.get(0)).isEqualTo(new Accepted(CCS));
    assertThat(((Discarded) d.get(1)).reason()).isEqualTo(Reason.LENGTH_BEYOND_DATAGRAM);
  }

  @Test
  void aShortTailIsATruncatedHeader() {
    List<RecordDecision> d = DtlsDatagram.decode(Bytes.concat(DATA.encode(), Bytes.fromHex("16fefd0000")));
    assertThat(d.get(0)).isEqualTo(new Accepted(DATA));
    assertThat(((Discarded) d.get(1)).reason()).isEqualTo(Reason.TRUNCATED_HEADER);
  }

  @Test
  void anUnknownTypeOrOverlongRecordIsDiscardedAloneAndTheNextRecordStillFramed() {
    Bytes unknown = Bytes.fromHex("63fefd0000000000000001" + "0002" + "abcd");
    List<RecordDecision> d = DtlsDatagram.decode(Bytes.concat(unknown, CCS.encode()));
    assertThat(((Discarded) d.get(0)).reason()).isEqualTo(Reason.UNKNOWN_CONTENT_TYPE);
    assertThat(d.get(1)).isEqualTo(new Accepted(CCS));

    int tooLong = (1 << 14) + 2048 + 1;
    byte[] big = new byte[DtlsRecord.HEADER_LENGTH + tooLong];
    Bytes.fromHex("17fefd0001000000000000").copyTo(big, 0);
    big[11] = (byte) (tooLong >>> 8);
    big[12] = (byte) tooLong;
    d = DtlsDatagram.decode(Bytes.concat(Bytes.wrap(big), CCS.encode()));
    assertThat(((Discarded) d.get(0)).reason()).isEqualTo(Reason.RECORD_OVERFLOW);
    assertThat(d.get(1)).isEqualTo(new Accepted(CCS));
  }

  @Test
  void packsRecordsInOrderIntoDatagramsWithinThePmtu() {
    DtlsRecord big = new DtlsRecord(ContentType.HANDSHAKE, ProtocolVersion.DTLS12, 0, 1, Bytes.wrap(new byte[1000]));
    DtlsRecord small = new DtlsRecord(ContentType.HANDSHAKE, ProtocolVersion.DTLS12, 0, 2, Bytes.wrap(new byte[100]));
    List<Bytes> datagrams = DtlsDatagram.pack(List.of(big, small, small, big, CCS), Pmtu.DEFAULT);
    // 1013 + 113 = 1126 fits 1200; +113 does not; 1013 + 14 fits.
    assertThat(datagrams).extracting(Bytes::length).containsExactly(1126, 113 + 1013 + 14);
    assertThat(datagrams).allMatch(b -> b.length() <= Pmtu.DEFAULT.bytes());
    assertThat(datagrams.stream().flatMap(b -> DtlsDatagram.decode(b).stream()).map(x -> ((Accepted) x).record()))
        .containsExactly(big, small, small, big, CCS);
  }
}
