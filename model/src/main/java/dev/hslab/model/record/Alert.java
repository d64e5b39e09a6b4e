package dev.hslab.model.record;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireField;
import dev.hslab.model.wire.WireReader;

/** RFC 5246 §7.2: the body of an alert record, {@code level(1) description(1)}. */
public record Alert(AlertLevel level, AlertDescription description) {

  public static final int LENGTH = 2;

  public Alert {
    if (level == null || description == null) {
      throw new IllegalArgumentException("alert fields must not be null");
    }
  }

  public static Alert fatal(AlertDescription description) {
    return new Alert(AlertLevel.FATAL, description);
  }

  public static Alert warning(AlertDescription description) {
    return new Alert(AlertLevel.WARNING, description);
  }

  public Bytes encode() {
    return Bytes.of((byte) level.code(), (byte) description.code());
  }

  /**
   * Decodes an alert body of exactly two bytes; any other length is decode_error (RFC 5246 §7.2
   * fixes the structure at two bytes; this model does not reassemble an alert split across
   * records, as BouncyCastle and JSSE treat such a record as malformed). Unknown level or
   * description codes are illegal_parameter ({@link AlertLevel#fromCode}).
   */
  public static Alert decode(Bytes body) throws TlsAlertException {
    return decode(body, null);
  }

  /** {@link #decode(Bytes)}, recording each field's place into {@code fields} when it is not null. */
  public static Alert decode(Bytes body, WireField.Recorder fields) throws TlsAlertException {
    WireReader r = fields == null ? WireReader.of(body, "Alert") : WireReader.recording(body, "Alert", fields, 0);
    if (body.length() != LENGTH) {
      throw r.error(AlertDescription.DECODE_ERROR, "body of " + body.length() + " bytes, expected " + LENGTH);
    }
    AlertLevel level = AlertLevel.fromCode(r.uint8("level"));
    AlertDescription description = AlertDescription.fromCode(r.uint8("description"));
    r.expectEnd("Alert");
    return new Alert(level, description);
  }

  /** E.g. {@code fatal bad_record_mac}. */
  public String describe() {
    return level.rfcName() + " " + description.rfcName();
  }
}
