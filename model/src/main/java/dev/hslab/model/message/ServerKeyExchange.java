package dev.hslab.model.message;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.Optional;

/**
 * RFC 5246 §7.4.3 ServerKeyExchange: the key-exchange params, then, for the signed kinds
 * (DHE_RSA, ECDHE_RSA, ECDHE_ECDSA), a {@code digitally-signed} over
 * {@code client_random + server_random + params}. Anonymous (DH_anon, ECDH_anon) and PSK kinds
 * (RFC 4279 §2, RFC 5489 §2) carry no signature. The shape of the params follows the negotiated
 * key exchange and that of the signature the version (TLS 1.2 names its algorithm).
 *
 * @param params the params, whose {@link ServerKeyExchangeParams#encoded() encoding} is signed
 * @param signature present exactly for the signed key exchanges
 */
public record ServerKeyExchange(ServerKeyExchangeParams params, Optional<DigitallySigned> signature)
    implements HandshakeMessage {

  public ServerKeyExchange {
    if (params == null || signature == null) {
      throw new IllegalArgumentException("params and signature required (use Optional.empty())");
    }
  }

  public static ServerKeyExchange signed(ServerKeyExchangeParams params, DigitallySigned signature) {
    return new ServerKeyExchange(params, Optional.of(signature));
  }

  public static ServerKeyExchange unsigned(ServerKeyExchangeParams params) {
    return new ServerKeyExchange(params, Optional.empty());
  }

  public static ServerKeyExchange decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    ServerKeyExchangeParams params = ServerKeyExchangeParams.read(body, ctx.keyExchange());
    Optional<DigitallySigned> signature = ctx.keyExchange().signedServerKeyExchange()
        ? Optional.of(DigitallySigned.read(body, ctx.version())) : Optional.empty();
    body.expectEnd("ServerKeyExchange");
    return new ServerKeyExchange(params, signature);
  }

  /**
   * Whether this value has the shape {@code ctx} decodes: params of the key exchange's kind and a
   * signature exactly for the signed kinds, in the version's form. Encoding a value that does
   * not fit gives bytes the peer rejects, so producers can check before sending.
   */
  public boolean fits(DecodeContext ctx) {
    KeyExchange kx = ctx.keyExchange();
    if (kx == null || kx == KeyExchange.RSA) {
      return false;
    }
    boolean kind = switch (kx) {
      case DHE_RSA, DH_ANON -> params instanceof ServerDhParams;
      case ECDHE_RSA, ECDHE_ECDSA, ECDH_ANON -> params instanceof ServerEcdhParams;
      case PSK -> params instanceof PskIdentityHint;
      case ECDHE_PSK -> params instanceof EcdhePskServerParams;
      case RSA -> false;
    };
    return kind && signature.isPresent() == kx.signedServerKeyExchange()
        && signature.map(s -> s.fitsVersion(ctx.version())).orElse(true);
  }

  /** The exact params bytes that go into the signature (RFC 5246 §7.4.3). */
  public Bytes signedParams() {
    return params.encoded();
  }

  /**
   * The bytes the server signs: {@code ClientHello.random + ServerHello.random + params}
   * (RFC 5246 §7.4.3; the same input in TLS 1.0/1.1 and SSL 3.0, RFC 6101 §5.6.3, where only the
   * hashing differs).
   */
  public Bytes signatureInput(Bytes clientRandom, Bytes serverRandom) {
    return Bytes.concat(clientRandom, serverRandom, params.encoded());
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.SERVER_KEY_EXCHANGE;
  }

  @Override
  public void encodeBody(WireWriter w) {
    params.write(w);
    signature.ifPresent(s -> s.write(w));
  }

  /** E.g. {@code ServerKeyExchange ecdh group=x25519 point=32B sig=rsa_pkcs1_sha256 256B}. */
  @Override
  public String describe() {
    return "ServerKeyExchange " + params.describe() + signature.map(s -> " " + s.describe()).orElse("");
  }
}
