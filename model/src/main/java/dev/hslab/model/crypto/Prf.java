package dev.hslab.model.crypto;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;

/**
 * A TLS pseudo-random function PRF(secret, label, seed) (RFC 5246 §5, RFC 2246 §5). SSL 3.0 has no
 * labelled PRF; its derivations live in {@link Ssl3KeyDerivation}.
 */
public sealed interface Prf permits Tls12Prf, Tls10Prf {

  /** The first {@code length} bytes of PRF(secret, label, seed); the label is ASCII. */
  Bytes compute(Bytes secret, String label, Bytes seed, int length);

  /**
   * The PRF of {@code version} and {@code suite}: TLS 1.2 uses P_hash with the suite's PRF hash
   * (RFC 5246 §5), TLS 1.0/1.1 the MD5/SHA-1 split PRF (RFC 2246 §5, unchanged in RFC 4346).
   *
   * @throws IllegalArgumentException for SSL 3.0 or a version this model does not speak
   */
  static Prf of(ProtocolVersion version, CipherSuite suite) {
    // RFC 4347 §4.2, RFC 6347 §4.2: DTLS 1.0 and 1.2 derive their keys as TLS 1.1 and 1.2 do.
    ProtocolVersion tls = version.tlsEquivalent();
    if (tls.equals(ProtocolVersion.TLS12)) {
      return new Tls12Prf(suite.prfHash());
    } else if (tls.equals(ProtocolVersion.TLS10) || tls.equals(ProtocolVersion.TLS11)) {
      return new Tls10Prf();
    }
    throw new IllegalArgumentException("no TLS PRF for version " + version);
  }
}
