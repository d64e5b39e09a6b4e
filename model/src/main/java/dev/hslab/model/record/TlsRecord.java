package dev.hslab.model.record;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireField;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * One record as it travels on the wire (RFC 5246 §6.2.1, RFC 6101 §5.2.1): {@code type(1)
 * version(2) length(2) fragment}. The same value carries a plaintext fragment (initial epoch, or
 * after {@code unprotect}) or a protected one; which limit applies is the reader's business.
 */
public record TlsRecord(ContentType type, ProtocolVersion version, Bytes fragment) {

  /** The five-byte record header. */
  public static final int HEADER_LENGTH = 5;

  /** RFC 5246 §6.2.1: TLSPlaintext.length MUST NOT exceed 2^14. */
  public static final int MAX_PLAINTEXT = 1 << 14;

  /** RFC 5246 §6.2.2: TLSCompressed.length MUST NOT exceed 2^14 + 1024. */
  public static final int MAX_COMPRESSED = MAX_PLAINTEXT + 1024;

  /** RFC 5246 §6.2.3, RFC 6101 §5.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048. */
  public static final int MAX_CIPHERTEXT = MAX_PLAINTEXT + 2048;

  public TlsRecord {
    if (type == null || version == null || fragment == null) {
      throw new IllegalArgumentException("record fields must not be null");
    }
    if (fragment.length() > 0xffff) {
      throw new IllegalArgumentException("fragment of " + fragment.length() + " bytes does not fit a uint16 length");
    }
  }

  /**
   * RFC 5246 §6.2.1: implementations MUST NOT send zero-length fragments of handshake, alert or
   * change_cipher_spec; zero-length application data is allowed (and a traffic-analysis
   * countermeasure). Producers check this; the constructor does not, so fault injection can.
   */
  public boolean isForbiddenEmpty() {
    return fragment.isEmpty() && type != ContentType.APPLICATION_DATA;
  }

  /** The header and fragment as sent. */
  public Bytes encode() {
    WireWriter w = new WireWriter(HEADER_LENGTH + fragment.length());
    w.uint8(type.code());
    version.write(w);
    w.opaque16(fragment);
    return w.toBytes();
  }

  /**
   * Where the fields of a record as sent lie (RFC 5246 §6.2.1: {@code type}, {@code version},
   * {@code length}, {@code fragment}), read as the record layer reads them; a record shorter
   * than its header (a truncation fault) gives the fields that are there.
   */
  public static java.util.List<WireField> dissect(Bytes record) {
    WireField.Recorder fields = new WireField.Recorder();
    WireReader r = WireReader.recording(record, "record", fields, 0);
    try {
      r.uint8("type");
      ProtocolVersion.read(r, "version");
      r.fixed(Math.min(r.uint16("length"), r.remaining()), "fragment");
    } catch (TlsAlertException e) {
      // Truncated: the fields read so far are the answer.
    }
    return fields.fields();
  }

  /** A stable one-line description for traces, e.g. {@code handshake 3.3 len=52}. */
  public String describe() {
    return type.rfcName() + " " + version + " len=" + fragment.length();
  }
}
