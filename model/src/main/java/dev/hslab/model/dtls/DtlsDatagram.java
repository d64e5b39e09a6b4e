package dev.hslab.model.dtls;

import dev.hslab.model.dtls.RecordDecision.Accepted;
import dev.hslab.model.dtls.RecordDecision.Discarded;
import dev.hslab.model.dtls.RecordDecision.Reason;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.List;

/**
 * The datagram codec (RFC 6347 §4.1.1): a datagram holds one or more whole records, back to back;
 * a record never spans two datagrams. Decoding frames records only (no epoch, replay or MAC
 * check: that is {@link DtlsReadState}'s) and never throws on bad bytes.
 */
public final class DtlsDatagram {

  private DtlsDatagram() {}

  /**
   * Frames the records of one datagram, in order. A record whose header is intact but whose type
   * or length is invalid is discarded alone (its length says where the next starts); a header cut
   * short or a length past the end discards the rest of the datagram, since no later record
   * boundary can be trusted (RFC 6347 §4.1.2.7: invalid records are discarded silently).
   */
  public static List<RecordDecision> decode(Bytes datagram) {
    List<RecordDecision> out = new ArrayList<>();
    int off = 0;
    int n = datagram.length();
    while (off < n) {
      if (n - off < DtlsRecord.HEADER_LENGTH) {
        out.add(new Discarded(Reason.TRUNCATED_HEADER, (n - off) + " bytes left at offset " + off));
        break;
      }
      int typeCode = datagram.getUnsigned(off);
      ProtocolVersion version = new ProtocolVersion(datagram.getUnsigned(off + 1), datagram.getUnsigned(off + 2));
      int epoch = (int) uint(datagram, off + 3, 2);
      long seq = uint(datagram, off + 5, 6);
      int length = (int) uint(datagram, off + 11, 2);
      int body = off + DtlsRecord.HEADER_LENGTH;
      if (length > n - body) {
        out.add(new Discarded(Reason.LENGTH_BEYOND_DATAGRAM,
            "length " + length + " at offset " + off + ", " + (n - body) + " bytes left"));
        break;
      }
      off = body + length;
      ContentType type;
      try {
        type = ContentType.fromCode(typeCode);
      } catch (TlsAlertException e) {
        out.add(new Discarded(Reason.UNKNOWN_CONTENT_TYPE, "content type " + typeCode + " epoch=" + epoch + " seq=" + seq));
        continue;
      }
      if (length > TlsRecord.MAX_CIPHERTEXT) {
        out.add(new Discarded(Reason.RECORD_OVERFLOW, type.rfcName() + " length " + length + " exceeds " + TlsRecord.MAX_CIPHERTEXT));
        continue;
      }
      out.add(new Accepted(new DtlsRecord(type, version, epoch, seq, datagram.slice(body, body + length))));
    }
    return out;
  }

  /** The datagram holding {@code records} back to back. */
  public static Bytes encode(List<DtlsRecord> records) {
    Bytes[] parts = new Bytes[records.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = records.get(i).encode();
    }
    return Bytes.concat(parts);
  }

  /**
   * Packs {@code records} (a flight, in order) into as few datagrams of at most {@code pmtu} bytes
   * as order allows (RFC 6347 §4.1.1: "multiple DTLS records MAY be placed in a single datagram");
   * a record longer than the budget goes alone in an oversized datagram, for the caller to have
   * fragmented smaller.
   */
  public static List<Bytes> pack(List<DtlsRecord> records, Pmtu pmtu) {
    return packEncoded(records.stream().map(DtlsRecord::encode).toList(), pmtu);
  }

  /** {@link #pack} for records already encoded, each a whole record. */
  public static List<Bytes> packEncoded(List<Bytes> records, Pmtu pmtu) {
    List<Bytes> out = new ArrayList<>();
    List<Bytes> current = new ArrayList<>();
    int size = 0;
    for (Bytes r : records) {
      if (!current.isEmpty() && size + r.length() > pmtu.bytes()) {
        out.add(Bytes.concat(current.toArray(Bytes[]::new)));
        current.clear();
        size = 0;
      }
      current.add(r);
      size += r.length();
    }
    if (!current.isEmpty()) {
      out.add(Bytes.concat(current.toArray(Bytes[]::new)));
    }
    return out;
  }

  private static long uint(Bytes b, int off, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | b.getUnsigned(off + i);
    }
    return v;
  }
}
