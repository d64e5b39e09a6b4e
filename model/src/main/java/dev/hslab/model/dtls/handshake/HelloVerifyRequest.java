package dev.hslab.model.dtls.handshake;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * HelloVerifyRequest (RFC 6347 §4.2.1): {@code ProtocolVersion server_version; opaque
 * cookie<0..2^8-1>}, the server's answer to a ClientHello without a valid cookie; the client
 * repeats its ClientHello with the cookie. DTLS 1.0 (RFC 4347 §4.2.1) bounded the cookie at 32
 * bytes; the decoder takes RFC 6347's 255. server_version SHOULD be DTLS 1.0 whatever will be
 * negotiated, and tells the client nothing about the version (§4.2.1).
 */
public record HelloVerifyRequest(ProtocolVersion serverVersion, Bytes cookie) {

  /** RFC 6347 §4.2.2: hello_verify_request(3). */
  public static final int TYPE = 3;

  /** RFC 6347 §4.2.1: cookie<0..2^8-1>. */
  public static final int MAX_COOKIE = 255;

  public HelloVerifyRequest {
    if (serverVersion == null || cookie == null || cookie.length() > MAX_COOKIE) {
      throw new IllegalArgumentException("HelloVerifyRequest needs a version and a cookie of at most 255 bytes");
    }
  }

  public static HelloVerifyRequest decode(Bytes body) throws TlsAlertException {
    WireReader r = WireReader.of(body, "HelloVerifyRequest");
    ProtocolVersion version = ProtocolVersion.read(r, "server_version");
    Bytes cookie = r.opaque8("cookie", 0, MAX_COOKIE);
    r.expectEnd("HelloVerifyRequest");
    return new HelloVerifyRequest(version, cookie);
  }

  public Bytes encodeBody() {
    WireWriter w = new WireWriter(3 + cookie.length());
    serverVersion.write(w);
    w.opaque8(cookie);
    return w.toBytes();
  }

  public String describe() {
    return "HelloVerifyRequest " + serverVersion.displayName() + " cookie=" + cookie.hex();
  }
}
