package dev.hslab.model.crypto;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.Objects;

/** TLS 1.0–1.2 derivations, all through the version's {@link Prf}. */
public record TlsKeyDerivation(ProtocolVersion version, CipherSuite suite, Prf prf) implements KeyDerivation {

  /** RFC 5246 §7.4.9: verify_data_length is 12 for every suite defined so far. */
  public static final int VERIFY_DATA_LENGTH = 12;

  public TlsKeyDerivation {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(prf, "prf");
    if (!prf.equals(Prf.of(version, suite))) {
      throw new IllegalArgumentException(prf + " is not the PRF of " + version.displayName() + " " + suite);
    }
  }

  TlsKeyDerivation(ProtocolVersion version, CipherSuite suite) {
    this(version, suite, Prf.of(version, suite));
  }

  @Override
  public Bytes masterSecret(Bytes premaster, Bytes clientRandom, Bytes serverRandom) {
    // RFC 5246 §8.1: PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)
    return prf.compute(premaster, "master secret", Bytes.concat(clientRandom, serverRandom),
        MASTER_SECRET_LENGTH);
  }

  @Override
  public boolean supportsExtendedMasterSecret() {
    return true;
  }

  @Override
  public Bytes sessionHash(Transcript throughClientKeyExchange) {
    return handshakeHash(throughClientKeyExchange);
  }

  @Override
  public Bytes extendedMasterSecret(Bytes premaster, Bytes sessionHash) {
    return prf.compute(premaster, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
  }

  @Override
  public Bytes keyBlock(Bytes masterSecret, Bytes clientRandom, Bytes serverRandom, int length) {
    // RFC 5246 §6.3: the randoms swap order: server_random + client_random.
    return prf.compute(masterSecret, "key expansion", Bytes.concat(serverRandom, clientRandom), length);
  }

  @Override
  public Bytes verifyData(Bytes masterSecret, Sender sender, Transcript transcript) {
    // RFC 5246 §7.4.9 (RFC 2246 §7.4.9 with MD5 + SHA-1 as the hash)
    return prf.compute(masterSecret, sender.finishedLabel(), handshakeHash(transcript), VERIFY_DATA_LENGTH);
  }

  /** TLS 1.2: Hash(handshake_messages) with the PRF hash; TLS 1.0/1.1: MD5 + SHA-1. */
  private Bytes handshakeHash(Transcript transcript) {
    return prf instanceof Tls12Prf p ? transcript.hash(p.hash()) : transcript.md5Sha1();
  }
}
