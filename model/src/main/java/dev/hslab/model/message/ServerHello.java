package dev.hslab.model.message;

import dev.hslab.model.message.extension.Extension;
import dev.hslab.model.message.extension.Extensions;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.List;
import java.util.Optional;

/**
 * ServerHello (RFC 5246 §7.4.1.3; SSL 3.0: RFC 6101 §5.6.1.3). The suite and compression method
 * are raw codes: whether they were offered and are acceptable is checked by the engine against
 * its ClientHello, not by the codec. {@code extensions} distinguishes absent from empty.
 */
public record ServerHello(ProtocolVersion serverVersion, Bytes random, Bytes sessionId, int cipherSuite,
    int compressionMethod, Optional<List<Extension>> extensions) implements HandshakeMessage, HelloExtensions {

  public ServerHello {
    Hellos.checkRandomAndSessionId(random, sessionId);
    if (cipherSuite < 0 || cipherSuite > 0xffff || compressionMethod < 0 || compressionMethod > 0xff) {
      throw new IllegalArgumentException("cipher_suite or compression_method out of range");
    }
    extensions = extensions.map(List::copyOf);
  }

  public static ServerHello decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    ProtocolVersion version = ProtocolVersion.read(body, "server_version");
    Bytes random = body.fixed(Hellos.RANDOM_LENGTH, "random");
    Bytes sessionId = body.opaque8("session_id", 0, Hellos.MAX_SESSION_ID);
    int suite = body.uint16("cipher_suite");
    int compression = body.uint8("compression_method");
    // RFC 5246 §7.4.1.3: extensions follow only if bytes remain.
    Optional<List<Extension>> extensions = Extensions.readOptional(body);
    body.expectEnd("ServerHello");
    return new ServerHello(version, random, sessionId, suite, compression, extensions);
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.SERVER_HELLO;
  }

  @Override
  public void encodeBody(WireWriter w) {
    serverVersion.write(w);
    w.bytes(random).opaque8(sessionId).uint16(cipherSuite).uint8(compressionMethod);
    Extensions.writeOptional(w, extensions);
  }

  /** The suite, if it is one this model knows. */
  public Optional<CipherSuite> knownSuite() {
    return CipherSuite.fromCode(cipherSuite);
  }

  @Override
  public String describe() {
    return "ServerHello " + serverVersion.displayName()
        + " session_id=" + Hellos.describeSessionId(sessionId)
        + " suite=" + CipherSuite.nameOf(cipherSuite)
        + " compression=" + compressionMethod
        + " extensions=" + Extensions.describe(extensions);
  }
}
