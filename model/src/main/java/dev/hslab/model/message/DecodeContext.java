package dev.hslab.model.message;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;

/**
 * What a decoder needs to know beyond the bytes: several messages have a shape that depends on
 * the negotiated version (TLS 1.2 adds signature algorithm fields, SSL 3.0 omits the RSA
 * premaster length and has a 36-byte Finished) or key exchange (ServerKeyExchange,
 * ClientKeyExchange). {@code keyExchange} is null before a suite is negotiated.
 */
public record DecodeContext(ProtocolVersion version, KeyExchange keyExchange) {

  public DecodeContext {
    if (version == null) {
      throw new IllegalArgumentException("version required");
    }
  }

  public static DecodeContext of(ProtocolVersion version) {
    return new DecodeContext(version, null);
  }
}
