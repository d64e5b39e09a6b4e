package dev.hslab.model.record.protect;

/**
 * The narrow port to an AEAD cipher (RFC 5116 interface): seal and open in place, so the record
 * layer encrypts straight into the outgoing fragment. One instance per key and direction.
 */
public interface Aead {

  /** The tag length appended by {@link #seal} (16 for AES-GCM and ChaCha20-Poly1305). */
  int tagLength();

  /**
   * Encrypts {@code buf[off, off+len)} in place and writes the tag right after it; {@code buf}
   * must have {@link #tagLength()} bytes of room there. Returns {@code len + tagLength()}.
   */
  int seal(byte[] nonce, byte[] aad, byte[] buf, int off, int len);

  /**
   * Decrypts and authenticates {@code buf[off, off+len)} (ciphertext then tag) in place. Returns
   * the plaintext length, or -1 if authentication failed (the buffer content is then garbage).
   */
  int open(byte[] nonce, byte[] aad, byte[] buf, int off, int len);
}
