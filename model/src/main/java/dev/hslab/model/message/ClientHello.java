package dev.hslab.model.message;

import dev.hslab.model.message.extension.Extension;
import dev.hslab.model.message.extension.Extensions;
import dev.hslab.model.message.extension.RenegotiationInfoExtension;
import dev.hslab.model.message.extension.ServerNameExtension;
import dev.hslab.model.message.extension.UintLists;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.List;
import java.util.Optional;

/**
 * ClientHello (RFC 5246 §7.4.1.2; SSL 3.0: RFC 6101 §5.6.1.2). Cipher suites and compression
 * methods stay raw codes so unknown ones and signalling values (TLS_EMPTY_RENEGOTIATION_INFO_SCSV)
 * round-trip; {@code extensions} is empty when the block is absent, which differs on the wire from
 * a present, empty block (see {@link Extensions}).
 *
 * <p>The constructor checks only what the wire format can carry; the decoder also enforces the
 * RFC's MUSTs (null compression offered, no duplicate extension), so a test can build a
 * non-conforming hello to see a peer reject it.
 */
public record ClientHello(ProtocolVersion clientVersion, Bytes random, Bytes sessionId, List<Integer> cipherSuites,
    List<Integer> compressionMethods, Optional<List<Extension>> extensions) implements HandshakeMessage, HelloExtensions {

  public ClientHello {
    Hellos.checkRandomAndSessionId(random, sessionId);
    // RFC 5246 §7.4.1.2: cipher_suites<2..2^16-2>, compression_methods<1..2^8-1>.
    cipherSuites = UintLists.checked(cipherSuites, 0xffff, 1, 0x7fff, "cipher_suites");
    compressionMethods = UintLists.checked(compressionMethods, 0xff, 1, 0xff, "compression_methods");
    extensions = extensions.map(List::copyOf);
  }

  public static ClientHello decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    ProtocolVersion version = ProtocolVersion.read(body, "client_version");
    Bytes random = body.fixed(Hellos.RANDOM_LENGTH, "random");
    Bytes sessionId = body.opaque8("session_id", 0, Hellos.MAX_SESSION_ID);
    WireReader suites = body.vector16("cipher_suites", 2, 0xfffe);
    List<Integer> cipherSuites = UintLists.readUint16s(suites, "cipher_suites");
    List<Integer> compression = UintLists.readUint8s(body.vector8("compression_methods", 1, 0xff), "compression_methods");
    if (!compression.contains(0)) {
      // RFC 5246 §7.4.1.2: "This vector MUST contain ... CompressionMethod.null." No alert is named;
      // decode_error is what OpenSSL 3.0 s_server answers (checked on this machine).
      throw body.error(AlertDescription.DECODE_ERROR, "compression_methods lacks null(0)");
    }
    // RFC 5246 §7.4.1.2 reads bytes after compression_methods as extensions in every version; the
    // SSL 3.0/TLS 1.0 "extra data ... must be ignored" note (RFC 2246 §7.4.1.2) predates them.
    Optional<List<Extension>> extensions = Extensions.readOptional(body);
    body.expectEnd("ClientHello");
    return new ClientHello(version, random, sessionId, cipherSuites, compression, extensions);
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.CLIENT_HELLO;
  }

  @Override
  public void encodeBody(WireWriter w) {
    clientVersion.write(w);
    w.bytes(random).opaque8(sessionId);
    w.uint16(cipherSuites.size() * 2);
    cipherSuites.forEach(w::uint16);
    w.uint8(compressionMethods.size());
    compressionMethods.forEach(w::uint8);
    Extensions.writeOptional(w, extensions);
  }

  public boolean offersSuite(int code) {
    return cipherSuites.contains(code);
  }

  /** RFC 5746 §3.3: the SCSV or a renegotiation_info extension signals secure renegotiation. */
  public boolean offersSecureRenegotiation() {
    return offersSuite(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)
        || extension(RenegotiationInfoExtension.class).isPresent();
  }

  /** The SNI host_name (RFC 6066 §3), if the client sent one. */
  public Optional<String> serverName() {
    return extension(ServerNameExtension.class).flatMap(ServerNameExtension::hostName);
  }

  @Override
  public String describe() {
    return "ClientHello " + clientVersion.displayName()
        + " session_id=" + Hellos.describeSessionId(sessionId)
        + " suites=[" + UintLists.describe(cipherSuites, CipherSuite::nameOf) + "]"
        + " compression=" + compressionMethods
        + " extensions=" + Extensions.describe(extensions);
  }
}
