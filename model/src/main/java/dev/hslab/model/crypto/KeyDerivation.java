package dev.hslab.model.crypto;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;

/**
 * The secrets of one negotiated (version, suite): master secret, extended master secret, key
 * block and Finished verify_data. TLS 1.0–1.2 derive them with a {@link Prf}; SSL 3.0 with its
 * own MD5/SHA-1 constructions.
 */
public sealed interface KeyDerivation permits TlsKeyDerivation, Ssl3KeyDerivation {

  /** RFC 5246 §8.1: the master secret is always 48 bytes. */
  int MASTER_SECRET_LENGTH = 48;

  /** The one factory: the derivation for {@code suite} negotiated at {@code version}. */
  static KeyDerivation of(ProtocolVersion version, CipherSuite suite) {
    if (!suite.supportedBy(version)) {
      throw new IllegalArgumentException(suite + " cannot run over " + version.displayName());
    }
    return version.isSsl3() ? new Ssl3KeyDerivation(suite) : new TlsKeyDerivation(version, suite);
  }

  ProtocolVersion version();

  CipherSuite suite();

  /** The master secret from the premaster secret and both hello randoms (RFC 5246 §8.1, RFC 6101 §6.1). */
  Bytes masterSecret(Bytes premaster, Bytes clientRandom, Bytes serverRandom);

  /** RFC 7627 applies to TLS only; SSL 3.0 has no extended master secret. */
  boolean supportsExtendedMasterSecret();

  /**
   * session_hash of RFC 7627 §3 over the transcript up to and including ClientKeyExchange: the
   * handshake hash of Finished (TLS 1.2: the PRF hash; TLS 1.0/1.1: MD5 + SHA-1).
   *
   * @throws UnsupportedOperationException for SSL 3.0
   */
  Bytes sessionHash(Transcript throughClientKeyExchange);

  /**
   * RFC 7627 §4: PRF(pre_master_secret, "extended master secret", session_hash)[0..47].
   *
   * @throws UnsupportedOperationException for SSL 3.0
   */
  Bytes extendedMasterSecret(Bytes premaster, Bytes sessionHash);

  /** {@link #extendedMasterSecret(Bytes, Bytes)} with the session_hash of {@code throughClientKeyExchange}. */
  default Bytes extendedMasterSecret(Bytes premaster, Transcript throughClientKeyExchange) {
    return extendedMasterSecret(premaster, sessionHash(throughClientKeyExchange));
  }

  /** The first {@code length} bytes of the key block (RFC 5246 §6.3, RFC 6101 §6.2.2). */
  Bytes keyBlock(Bytes masterSecret, Bytes clientRandom, Bytes serverRandom, int length);

  /** How this suite's key block splits under this version. */
  default KeyBlockLayout layout() {
    return KeyBlockLayout.of(version(), suite());
  }

  /** Derives and splits the key block into the client's and the server's record keys. */
  default SessionKeys sessionKeys(Bytes masterSecret, Bytes clientRandom, Bytes serverRandom) {
    KeyBlockLayout layout = layout();
    return layout.split(keyBlock(masterSecret, clientRandom, serverRandom, layout.length()));
  }

  /**
   * Finished.verify_data of {@code sender} over {@code transcript} (every handshake message before
   * this Finished): 12 bytes in TLS (RFC 5246 §7.4.9), 36 in SSL 3.0 (RFC 6101 §5.6.9).
   */
  Bytes verifyData(Bytes masterSecret, Sender sender, Transcript transcript);
}
