package dev.hslab.model.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.Sender;
import dev.hslab.model.crypto.SessionKeys;
import dev.hslab.model.dtls.RecordDecision.Accepted;
import dev.hslab.model.dtls.RecordDecision.Discarded;
import dev.hslab.model.dtls.RecordDecision.Reason;
import dev.hslab.model.dtls.handshake.FragmentReassembler;
import dev.hslab.model.dtls.handshake.FragmentReassembler.Offer;
import dev.hslab.model.dtls.handshake.HandshakeFragment;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.record.protect.RecordCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the DTLS receive path (docs/fuzzing.md): arbitrary datagrams through {@link DtlsDatagram}
 * and {@link DtlsReadState}, and arbitrary handshake records through {@link
 * HandshakeFragment#decodeAll} and {@link FragmentReassembler}. Allowed outcomes: a decision for
 * every record (never an exception: RFC 6347 §4.1.2.7), a decode_error for a malformed handshake
 * record, messages in message_seq order whose bytes are the first ones received at each offset.
 * Memory must follow the bytes received, never a claimed length. The corpus is in
 * {@code src/test/resources/dev/hslab/model/dtls/DtlsRecordLayerFuzzTestInputs/}.
 */
class DtlsRecordLayerFuzzTest {

  private static final CipherSuite SUITE = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
  private static final CipherSuite CBC_SUITE = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;

  /**
   * Byte 0 picks the read state: bit 0 installs epoch 1 (AES-GCM over DTLS 1.2, or AES-CBC over
   * DTLS 1.0 with bit 1), bit 2 fixes the expected version. The rest is datagrams, each a
   * two-byte length then its bytes.
   */
  @FuzzTest(maxDuration = "30m")
  void datagramsAreFramedAndOpenedIntoDecisionsNeverExceptions(byte[] data) {
    if (data.length < 1) {
      return;
    }
    int mode = data[0] & 0xff;
    ProtocolVersion v = (mode & 2) == 0 ? ProtocolVersion.DTLS12 : ProtocolVersion.DTLS10;
    DtlsReadState read = new DtlsReadState();
    if ((mode & 4) != 0) {
      read.expectVersion(v);
    }
    if ((mode & 1) != 0) {
      CipherSuite s = v.equals(ProtocolVersion.DTLS12) ? SUITE : CBC_SUITE;
      SessionKeys keys = KeyDerivation.of(v, s).sessionKeys(Bytes.wrap(new byte[48]), Bytes.wrap(new byte[32]), Bytes.wrap(new byte[32]));
      read.nextEpoch(RecordCipher.forReading(s, v, keys.readKeys(Sender.SERVER)));
    }
    for (Bytes datagram : chunks(data)) {
      List<RecordDecision> framed = DtlsDatagram.decode(datagram);
      int framedBytes = 0;
      for (int i = 0; i < framed.size(); i++) {
        RecordDecision d = framed.get(i);
        if (d instanceof Accepted a) {
          framedBytes += a.record().encodedLength();
          assertThat(a.record().fragment().length()).isLessThanOrEqualTo(TlsRecord.MAX_CIPHERTEXT);
          RecordDecision opened = read.open(a.record());
          if (opened instanceof Accepted o) {
            assertThat(o.record().fragment().length()).isLessThanOrEqualTo(TlsRecord.MAX_PLAINTEXT);
            assertThat(o.record().epoch()).isEqualTo(a.record().epoch());
            // Once accepted, the same record is a replay (RFC 6347 §4.1.2.6).
            assertThat(((Discarded) read.open(a.record())).reason()).isEqualTo(Reason.REPLAYED);
          }
        } else {
          Reason r = ((Discarded) d).reason();
          if (r == Reason.TRUNCATED_HEADER || r == Reason.LENGTH_BEYOND_DATAGRAM) {
            assertThat(i).as("nothing is framed after the rest of a datagram is discarded").isEqualTo(framed.size() - 1);
          }
        }
      }
      assertThat(framedBytes).isLessThanOrEqualTo(datagram.length());
    }
  }

  /**
   * Byte 0 picks the first expected message_seq (0..3) and the maximum message length (bit 2:
   * 2^24-1, else 2^17); the rest is handshake records, each a two-byte length then its bytes.
   */
  @FuzzTest(maxDuration = "30m")
  void fragmentsReassembleInOrderFromFirstBytesAndBufferOnlyWhatArrived(byte[] data) {
    if (data.length < 1) {
      return;
    }
    int firstSeq = data[0] & 3;
    int max = (data[0] & 4) == 0 ? 1 << 17 : HandshakeFragment.MAX_LENGTH;
    FragmentReassembler r = new FragmentReassembler(firstSeq, max);
    Map<Integer, Reference> reference = new HashMap<>();
    int received = 0;
    int expectedSeq = firstSeq;
    for (Bytes record : chunks(data)) {
      List<HandshakeFragment> fragments;
      try {
        fragments = HandshakeFragment.decodeAll(record);
      } catch (TlsAlertException e) {
        continue; // a malformed handshake record is discarded as a whole
      }
      for (HandshakeFragment f : fragments) {
        received += f.fragmentLength();
        Offer offer = r.offer(f);
        if ((offer == Offer.NEW_BYTES || offer == Offer.DUPLICATE) && f.length() <= 1 << 16) {
          reference.computeIfAbsent(f.messageSeq(), k -> new Reference(f.length())).add(f);
        }
        assertThat(r.bufferedBytes()).isLessThanOrEqualTo(received);
        for (HandshakeFragment m : r.take()) {
          assertThat(m.isWhole()).isTrue();
          assertThat(m.messageSeq()).isEqualTo(expectedSeq++);
          assertThat(m.length()).isLessThanOrEqualTo(max);
          Reference ref = reference.remove(m.messageSeq());
          if (ref != null) {
            assertThat(ref.complete()).isTrue();
            assertThat(m.fragment().toByteArray()).isEqualTo(ref.bytes);
          }
        }
      }
    }
    assertThat(r.nextSeq()).isEqualTo(expectedSeq);
  }

  /** The bytes first received at each offset of one message, written plainly. */
  private static final class Reference {
    final byte[] bytes;
    final boolean[] have;

    Reference(int length) {
      bytes = new byte[length];
      have = new boolean[length];
    }

    void add(HandshakeFragment f) {
      for (int i = 0; i < f.fragmentLength(); i++) {
        int at = f.fragmentOffset() + i;
        if (at < have.length && !have[at]) {
          have[at] = true;
          bytes[at] = f.fragment().get(i);
        }
      }
    }

    boolean complete() {
      for (boolean h : have) {
        if (!h) {
          return false;
        }
      }
      return true;
    }
  }

  /** The input after byte 0 as two-byte-length-prefixed chunks; a short last chunk is what is left. */
  private static List<Bytes> chunks(byte[] data) {
    List<Bytes> out = new ArrayList<>();
    int off = 1;
    while (off + 2 <= data.length) {
      int n = ((data[off] & 0xff) << 8) | (data[off + 1] & 0xff);
      off += 2;
      int end = Math.min(data.length, off + n);
      out.add(Bytes.wrap(Arrays.copyOfRange(data, off, end)));
      off = end;
    }
    return out;
  }
}
