package dev.hslab.model.message;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * Finished (RFC 5246 §7.4.9): {@code opaque verify_data[verify_data_length]}, 12 bytes for every
 * TLS 1.0–1.2 suite here; SSL 3.0 (RFC 6101 §5.6.9) sends {@code md5_hash[16] sha_hash[20]}, 36
 * bytes. The body has no length of its own, so any other size is a decode_error.
 */
public record Finished(Bytes verifyData) implements HandshakeMessage {

  public static final int TLS_VERIFY_DATA_LENGTH = 12;
  public static final int SSL3_VERIFY_DATA_LENGTH = 36;

  public Finished {
    if (verifyData.length() != TLS_VERIFY_DATA_LENGTH && verifyData.length() != SSL3_VERIFY_DATA_LENGTH) {
      throw new IllegalArgumentException("verify_data must be 12 or 36 bytes, got " + verifyData.length());
    }
  }

  /** The verify_data length {@code version} uses. */
  public static int verifyDataLength(ProtocolVersion version) {
    return version.isSsl3() ? SSL3_VERIFY_DATA_LENGTH : TLS_VERIFY_DATA_LENGTH;
  }

  public static Finished decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    int expected = verifyDataLength(ctx.version());
    if (body.remaining() != expected) {
      throw body.error(AlertDescription.DECODE_ERROR,
          "verify_data is " + body.remaining() + " bytes, " + ctx.version().displayName() + " needs " + expected);
    }
    Bytes verifyData = body.fixed(expected, "verify_data");
    body.expectEnd("Finished");
    return new Finished(verifyData);
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.FINISHED;
  }

  @Override
  public void encodeBody(WireWriter w) {
    w.bytes(verifyData);
  }

  @Override
  public String describe() {
    return "Finished verify_data=" + verifyData.hex();
  }
}
