package dev.hslab.model.message;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/** RFC 4279 §2: a plain PSK ServerKeyExchange carries only {@code opaque psk_identity_hint<0..2^16-1>}. */
public record PskIdentityHint(Bytes hint) implements ServerKeyExchangeParams {

  public PskIdentityHint {
    checkHint(hint);
  }

  public static PskIdentityHint read(WireReader r) throws TlsAlertException {
    return new PskIdentityHint(r.opaque16("psk_identity_hint", 0, 0xffff));
  }

  static void checkHint(Bytes hint) {
    if (hint == null || hint.length() > 0xffff) {
      throw new IllegalArgumentException("psk_identity_hint needs 0..65535 bytes");
    }
  }

  @Override
  public void write(WireWriter w) {
    w.opaque16(hint);
  }

  @Override
  public String describe() {
    return "psk hint=" + hint.length() + "B";
  }
}
