package dev.hslab.bench;

import dev.hslab.model.pki.KeyType;
/**
 * The key type of the root and intermediate that issue a benchmark's chains. A peer's cost
 * depends on it (the client verifies two signatures of the CA's type per chain: RSA-2048
 * verification is cheap, ECDSA P-256 verification is not), so every handshake row is measured
 * with both.
 */
public enum CaFamily {
  ECDSA_P256(KeyType.ECDSA_P256),
  RSA_2048(KeyType.RSA_2048);

  private final KeyType keyType;

  CaFamily(KeyType keyType) {
    this.keyType = keyType;
  }

  public KeyType keyType() {
    return keyType;
  }

  /** The suffix in {@code hslab bench} row names: {@code ecdsa_ca}, {@code rsa_ca}. */
  public String label() {
    return (this == ECDSA_P256 ? "ecdsa" : "rsa") + "_ca";
  }
}
