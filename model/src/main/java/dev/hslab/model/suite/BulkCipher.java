package dev.hslab.model.suite;

/** The record ciphers of the registered suites (RFC 5246 §6.2.3, RFC 5288, RFC 7905). */
public enum BulkCipher {
  AES_128_CBC(Type.BLOCK, 16, 16, 16),
  AES_256_CBC(Type.BLOCK, 32, 16, 16),
  AES_128_GCM(Type.AEAD, 16, 4, 16),
  AES_256_GCM(Type.AEAD, 32, 4, 16),
  CHACHA20_POLY1305(Type.AEAD, 32, 12, 16);

  /** RFC 5246 §6.2.3: CipherType. */
  public enum Type {
    BLOCK,
    AEAD;

    /**
     * RFC 6347 §4.1.2.2: DTLS forbids stream ciphers (RC4), whose state cannot survive a lost
     * record; block and AEAD ciphers protect each record on its own. A switch, so that a stream
     * type added here must say what DTLS does with it.
     */
    public boolean allowedInDtls() {
      return switch (this) {
        case BLOCK, AEAD -> true;
      };
    }
  }

  private final Type type;
  private final int keyLength;
  private final int fixedIvLength;
  private final int blockOrTagLength;

  BulkCipher(Type type, int keyLength, int fixedIvLength, int blockOrTagLength) {
    this.type = type;
    this.keyLength = keyLength;
    this.fixedIvLength = fixedIvLength;
    this.blockOrTagLength = blockOrTagLength;
  }

  public Type type() {
    return type;
  }

  public int keyLength() {
    return keyLength;
  }

  /**
   * Bytes of IV taken from the key block: the block size for CBC under SSL 3.0 and TLS 1.0
   * (TLS 1.1 drops the CBC IV from the key block, RFC 4346 §6.3), the 4-byte salt for GCM (RFC
   * 5288 §3), the 12-byte nonce mask for ChaCha20-Poly1305 (RFC 7905 §2).
   */
  public int fixedIvLength() {
    return fixedIvLength;
  }

  /** The cipher block size (CBC) or the authentication tag length (AEAD). */
  public int blockOrTagLength() {
    return blockOrTagLength;
  }

  /** The explicit per-record nonce: 8 bytes for GCM (RFC 5288 §3), none for ChaCha20 (RFC 7905). */
  public int explicitNonceLength() {
    return this == AES_128_GCM || this == AES_256_GCM ? 8 : 0;
  }
}
