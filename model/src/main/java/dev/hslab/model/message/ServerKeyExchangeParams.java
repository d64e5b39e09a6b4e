package dev.hslab.model.message;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * The key-exchange parameters of a ServerKeyExchange, before any signature (RFC 5246 §7.4.3,
 * RFC 8422 §5.4, RFC 4279 §2, RFC 5489 §2). Their exact encoding, {@link #encoded()}, is what the
 * server signs after the two randoms.
 */
public sealed interface ServerKeyExchangeParams
    permits ServerDhParams, ServerEcdhParams, PskIdentityHint, EcdhePskServerParams {

  void write(WireWriter w);

  /** A stable description for traces, e.g. {@code ecdh group=secp256r1 point=65B}. */
  String describe();

  /** The exact bytes of the params, as signed by RFC 5246 §7.4.3. */
  default Bytes encoded() {
    WireWriter w = new WireWriter();
    write(w);
    return w.toBytes();
  }

  /**
   * Reads the params {@code keyExchange} sends. RFC 5246 §7.4.3: it is not legal to send a
   * ServerKeyExchange for RSA, so one arriving there is unexpected_message; the same holds before
   * a suite is negotiated.
   */
  static ServerKeyExchangeParams read(WireReader r, KeyExchange keyExchange) throws TlsAlertException {
    if (keyExchange == null) {
      throw r.error(AlertDescription.UNEXPECTED_MESSAGE, "no key exchange negotiated");
    }
    return switch (keyExchange) {
      case DHE_RSA, DH_ANON -> ServerDhParams.read(r);
      case ECDHE_RSA, ECDHE_ECDSA, ECDH_ANON -> ServerEcdhParams.read(r);
      case PSK -> PskIdentityHint.read(r);
      case ECDHE_PSK -> EcdhePskServerParams.read(r);
      case RSA -> throw r.error(AlertDescription.UNEXPECTED_MESSAGE,
          "not legal under the RSA key exchange (RFC 5246 §7.4.3)");
    };
  }
}
