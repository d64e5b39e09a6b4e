package dev.hslab.model.message;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * RFC 5489 §2 ECDHE_PSK ServerKeyExchange: {@code opaque psk_identity_hint<0..2^16-1>} followed by
 * ServerECDHParams; no signature, the PSK authenticates.
 */
public record EcdhePskServerParams(Bytes hint, ServerEcdhParams ecdh) implements ServerKeyExchangeParams {

  public EcdhePskServerParams {
    PskIdentityHint.checkHint(hint);
    if (ecdh == null) {
      throw new IllegalArgumentException("ServerECDHParams required");
    }
  }

  public static EcdhePskServerParams read(WireReader r) throws TlsAlertException {
    Bytes hint = r.opaque16("psk_identity_hint", 0, 0xffff);
    return new EcdhePskServerParams(hint, ServerEcdhParams.read(r));
  }

  @Override
  public void write(WireWriter w) {
    w.opaque16(hint);
    ecdh.write(w);
  }

  @Override
  public String describe() {
    return "ecdhe_psk hint=" + hint.length() + "B " + ecdh.describe();
  }
}
