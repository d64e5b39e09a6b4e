package dev.hslab.model.message;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * RFC 5246 §7.4.7 ClientKeyExchange: its {@link ClientExchangeKeys exchange_keys} take the shape
 * of the negotiated key exchange — RSA EncryptedPreMasterSecret (without length prefix in SSL 3.0,
 * RFC 6101 §5.6.7.1), DH Yc, an ECPoint (RFC 8422 §5.7), a PSK identity (RFC 4279 §2), or both
 * for ECDHE_PSK (RFC 5489 §2).
 */
public record ClientKeyExchange(ClientExchangeKeys keys) implements HandshakeMessage {

  public ClientKeyExchange {
    if (keys == null) {
      throw new IllegalArgumentException("exchange_keys required");
    }
  }

  public static ClientKeyExchange decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    if (ctx.keyExchange() == null) {
      // Before a suite is negotiated there is no way to read it and no place for it in the flow.
      throw body.error(AlertDescription.UNEXPECTED_MESSAGE, "no key exchange negotiated");
    }
    ClientExchangeKeys keys = switch (ctx.keyExchange()) {
      case RSA -> ClientExchangeKeys.Rsa.read(body, ctx.version());
      case DHE_RSA, DH_ANON -> ClientExchangeKeys.Dh.read(body);
      case ECDHE_RSA, ECDHE_ECDSA, ECDH_ANON -> ClientExchangeKeys.Ecdh.read(body);
      case PSK -> ClientExchangeKeys.Psk.read(body);
      case ECDHE_PSK -> ClientExchangeKeys.EcdhePsk.read(body);
    };
    body.expectEnd("ClientKeyExchange");
    return new ClientKeyExchange(keys);
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.CLIENT_KEY_EXCHANGE;
  }

  @Override
  public void encodeBody(WireWriter w) {
    keys.write(w);
  }

  /** E.g. {@code ClientKeyExchange ecdh point=65B}. */
  @Override
  public String describe() {
    return "ClientKeyExchange " + keys.describe();
  }
}
