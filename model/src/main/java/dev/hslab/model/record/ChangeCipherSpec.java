package dev.hslab.model.record;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireField;
import dev.hslab.model.wire.WireReader;

/**
 * RFC 5246 §7.1 (RFC 6101 §5.3): the ChangeCipherSpec record body, a single byte of value 1.
 * It carries no data, so it is one constant value.
 */
public record ChangeCipherSpec() {

  public static final ChangeCipherSpec INSTANCE = new ChangeCipherSpec();

  private static final Bytes ENCODING = Bytes.of((byte) 1);

  public Bytes encode() {
    return ENCODING;
  }

  /**
   * Exactly one byte of value 1; anything else is decode_error (the RFC names no alert;
   * BouncyCastle answers decode_error for a CCS that is not the single byte 1, OpenSSL likewise
   * for a wrong length).
   */
  public static ChangeCipherSpec decode(Bytes body) throws TlsAlertException {
    return decode(body, null);
  }

  /**
   * {@link #decode(Bytes)}, recording its one field, {@code type} (RFC 5246 §7.1:
   * {@code enum { change_cipher_spec(1), (255) } type;}), into {@code fields} when it is not null.
   */
  public static ChangeCipherSpec decode(Bytes body, WireField.Recorder fields) throws TlsAlertException {
    if (body.length() != 1 || body.getUnsigned(0) != 1) {
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          "ChangeCipherSpec: body must be the single byte 01, got " + (body.isEmpty() ? "nothing" : body.hex()));
    }
    if (fields != null) {
      WireReader.recording(body, "ChangeCipherSpec", fields, 0).uint8("type");
    }
    return INSTANCE;
  }

  public String describe() {
    return "ChangeCipherSpec";
  }
}
