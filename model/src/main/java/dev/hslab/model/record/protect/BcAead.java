package dev.hslab.model.record.protect;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * {@link Aead} over BouncyCastle's lightweight AES-GCM (NIST SP 800-38D) and ChaCha20-Poly1305
 * (RFC 8439). The key is scheduled once: later inits pass a null key, which BouncyCastle takes
 * as "keep the current key" (no new AES key schedule or GHASH table per record).
 */
public final class BcAead implements Aead {

  private static final int TAG_LENGTH = 16;

  private final AEADCipher cipher;
  private KeyParameter key;

  private BcAead(AEADCipher cipher, byte[] key) {
    this.cipher = cipher;
    this.key = new KeyParameter(key);
  }

  /** AES-GCM with a 16-byte tag; {@code key} of 16 or 32 bytes. */
  public static BcAead aesGcm(byte[] key) {
    if (key.length != 16 && key.length != 32) {
      throw new IllegalArgumentException("AES-GCM key of " + key.length + " bytes");
    }
    // GHASH without tables rather than BouncyCastle's default 8 KB per key: a connection keys four
    // of these per handshake, and most protect a few short records (Finished, alerts, test data),
    // where building the tables costs more than it saves. Bulk data would want the tables.
    return new BcAead(GCMBlockCipher.newInstance(AESEngine.newInstance(), new BasicGCMMultiplier()), key);
  }

  /** ChaCha20-Poly1305 (RFC 8439 §2.8); {@code key} of 32 bytes. */
  public static BcAead chacha20Poly1305(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("ChaCha20-Poly1305 key of " + key.length + " bytes");
    }
    return new BcAead(new ChaCha20Poly1305(), key);
  }

  @Override
  public int tagLength() {
    return TAG_LENGTH;
  }

  @Override
  public int seal(byte[] nonce, byte[] aad, byte[] buf, int off, int len) {
    init(true, nonce, aad);
    int n = cipher.processBytes(buf, off, len, buf, off);
    try {
      return n + cipher.doFinal(buf, off + n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("AEAD encryption cannot fail authentication", e);
    }
  }

  @Override
  public int open(byte[] nonce, byte[] aad, byte[] buf, int off, int len) {
    if (len < TAG_LENGTH) {
      return -1;
    }
    init(false, nonce, aad);
    int n = cipher.processBytes(buf, off, len, buf, off);
    try {
      return n + cipher.doFinal(buf, off + n);
    } catch (InvalidCipherTextException e) {
      return -1;
    }
  }

  private void init(boolean forEncryption, byte[] nonce, byte[] aad) {
    cipher.init(forEncryption, new AEADParameters(key, TAG_LENGTH * 8, nonce, aad));
    key = null;
  }
}
