package dev.hslab.model.dtls.handshake;

import dev.hslab.model.message.ClientHello;
import dev.hslab.model.record.protect.Hmac;
import dev.hslab.model.suite.MacAlgorithm;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.WireWriter;

/**
 * The server's stateless cookie (RFC 6347 §4.2.1: "Cookie = HMAC(Secret, Client-IP,
 * Client-Parameters)"): HMAC-SHA256 under a server secret over the client's address and the
 * ClientHello fields the client MUST repeat unchanged in its second ClientHello (§4.2.1: version,
 * random, session_id, cipher_suites, compression_method). Extensions are left out: the RFC does
 * not require them to repeat. The server keeps no state between the two ClientHellos; a cookie
 * that verifies proves the client receives at that address.
 */
public final class StatelessCookie {

  /** HMAC-SHA256's output, 32 bytes: within DTLS 1.0's cookie<0..32> too. */
  public static final int LENGTH = 32;

  private final Bytes secret;

  /** {@code secret}: at least 16 random bytes, kept by the server (and rotated by it, §4.2.1). */
  public StatelessCookie(Bytes secret) {
    if (secret.length() < 16) {
      throw new IllegalArgumentException("cookie secret of " + secret.length() + " bytes, need at least 16");
    }
    this.secret = secret;
  }

  /** The cookie for {@code hello} from {@code clientAddress} (the address and port bytes as the transport sees them). */
  public Bytes cookieFor(Bytes clientAddress, ClientHello hello) {
    WireWriter w = new WireWriter();
    w.opaque16(clientAddress);
    hello.clientVersion().write(w);
    w.bytes(hello.random()).opaque8(hello.sessionId());
    w.uint16(hello.cipherSuites().size() * 2);
    hello.cipherSuites().forEach(w::uint16);
    w.uint8(hello.compressionMethods().size());
    hello.compressionMethods().forEach(w::uint8);
    return Bytes.wrap(new Hmac(MacAlgorithm.HMAC_SHA256, secret.toByteArray()).mac(w.toBytes().toByteArray()));
  }

  /** The HelloVerifyRequest answering {@code hello}; server_version DTLS 1.0 as §4.2.1 advises. */
  public HelloVerifyRequest request(Bytes clientAddress, ClientHello hello, ProtocolVersion serverVersion) {
    return new HelloVerifyRequest(serverVersion, cookieFor(clientAddress, hello));
  }

  /** Whether {@code hello} carries the cookie this server would give it at {@code clientAddress} (compared in constant time). */
  public boolean verify(Bytes clientAddress, DtlsClientHello hello) {
    return hello.cookie().length() == LENGTH && cookieFor(clientAddress, hello.hello()).constantTimeEquals(hello.cookie());
  }
}
