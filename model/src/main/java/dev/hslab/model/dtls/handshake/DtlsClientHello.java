package dev.hslab.model.dtls.handshake;

import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * The DTLS ClientHello (RFC 6347 §4.2.1): the TLS ClientHello with {@code opaque
 * cookie<0..2^8-1>} after session_id (DTLS 1.0, RFC 4347: {@code <0..32>}). Every other field,
 * with its checks, is {@link ClientHello}'s: the codec splices the cookie out of and into the TLS
 * encoding rather than parsing the fields a second time.
 */
public record DtlsClientHello(ClientHello hello, Bytes cookie) {

  /** client_version(2) + random(32): where session_id's length byte sits. */
  private static final int SESSION_ID_AT = 34;

  public DtlsClientHello {
    if (hello == null || cookie == null || cookie.length() > HelloVerifyRequest.MAX_COOKIE) {
      throw new IllegalArgumentException("DTLS ClientHello needs a hello and a cookie of at most 255 bytes");
    }
  }

  /** The body of a DTLS ClientHello; decode_error as for a TLS ClientHello, and for a bad cookie vector. */
  public static DtlsClientHello decode(Bytes body, DecodeContext ctx) throws TlsAlertException {
    WireReader r = WireReader.of(body, "ClientHello");
    r.fixed(SESSION_ID_AT, "client_version and random");
    r.opaque8("session_id", 0, 32);
    int cookieAt = body.length() - r.remaining();
    Bytes cookie = r.opaque8("cookie", 0, HelloVerifyRequest.MAX_COOKIE);
    Bytes tls = Bytes.concat(body.slice(0, cookieAt), r.rest());
    return new DtlsClientHello(ClientHello.decode(WireReader.of(tls, "ClientHello"), ctx), cookie);
  }

  /** The body as sent: the TLS body with the cookie after session_id. */
  public Bytes encodeBody() {
    WireWriter w = new WireWriter();
    hello.encodeBody(w);
    Bytes tls = w.toBytes();
    int cookieAt = SESSION_ID_AT + 1 + hello.sessionId().length();
    WireWriter c = new WireWriter(1 + cookie.length());
    c.opaque8(cookie);
    return Bytes.concat(tls.slice(0, cookieAt), c.toBytes(), tls.slice(cookieAt, tls.length()));
  }

  /** The same hello with {@code other} as its cookie: the client's second ClientHello (RFC 6347 §4.2.1). */
  public DtlsClientHello withCookie(Bytes other) {
    return new DtlsClientHello(hello, other);
  }

  public String describe() {
    return hello.describe() + " cookie=" + (cookie.isEmpty() ? "empty" : cookie.hex());
  }
}
