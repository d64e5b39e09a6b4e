package dev.hslab.real;

import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Record framing of what {@code SSLEngine.wrap} produced, and alert names in provider messages. */
final class Records {

  private Records() {}

  /**
   * Splits {@code out} (flipped, as wrap left it) into whole records at their header lengths
   * (RFC 5246 §6.2.1). Wrap output is always whole records; a tail that is not would be returned
   * as one chunk rather than lost.
   */
  static List<Bytes> split(ByteBuffer out) {
    byte[] b = new byte[out.remaining()];
    out.get(b);
    List<Bytes> records = new ArrayList<>();
    int pos = 0;
    while (pos < b.length) {
      int end = b.length;
      if (b.length - pos >= TlsRecord.HEADER_LENGTH) {
        int len = ((b[pos + 3] & 0xff) << 8) | (b[pos + 4] & 0xff);
        end = Math.min(b.length, pos + TlsRecord.HEADER_LENGTH + len);
      }
      records.add(Bytes.of(b, pos, end - pos));
      pos = end;
    }
    return records;
  }

  /** The record in {@code encoded} (header and fragment), if it is one. */
  static Optional<TlsRecord> parse(Bytes encoded) {
    if (encoded.length() < TlsRecord.HEADER_LENGTH) {
      return Optional.empty();
    }
    try {
      ContentType type = ContentType.fromCode(encoded.getUnsigned(0));
      ProtocolVersion v = new ProtocolVersion(encoded.getUnsigned(1), encoded.getUnsigned(2));
      return Optional.of(new TlsRecord(type, v, encoded.slice(TlsRecord.HEADER_LENGTH, encoded.length())));
    } catch (TlsAlertException e) {
      return Optional.empty();
    }
  }

  /**
   * The alert a provider's exception message names, if any: SunJSSE says "Received fatal alert:
   * handshake_failure", BCJSSE "handshake_failure(40)". Used only to name an alert that travelled
   * encrypted; plaintext alerts are decoded from their bytes.
   */
  static Optional<Alert> alertNamedIn(String message) {
    if (message == null) {
      return Optional.empty();
    }
    String m = message.toLowerCase(java.util.Locale.ROOT);
    return java.util.Arrays.stream(AlertDescription.values())
        .filter(d -> m.contains(d.rfcName()))
        .max(Comparator.comparingInt(d -> d.rfcName().length()))
        .map(Alert::fatal);
  }
}
