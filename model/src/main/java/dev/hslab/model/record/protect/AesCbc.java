package dev.hslab.model.record.protect;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * AES-CBC without padding (NIST SP 800-38A §6.2), in place, for one direction; the record layer
 * adds the TLS padding itself. The key is scheduled once; each call only sets the IV.
 */
public final class AesCbc {

  public static final int BLOCK_SIZE = 16;

  private final CBCModeCipher cbc = CBCBlockCipher.newInstance(AESEngine.newInstance());
  private KeyParameter key;
  private final boolean forEncryption;

  public AesCbc(byte[] key, boolean forEncryption) {
    if (key.length != 16 && key.length != 32) {
      throw new IllegalArgumentException("AES key of " + key.length + " bytes");
    }
    this.key = new KeyParameter(key);
    this.forEncryption = forEncryption;
  }

  public boolean forEncryption() {
    return forEncryption;
  }

  /** Encrypts or decrypts {@code buf[off, off+len)} in place; {@code len} is a multiple of 16. */
  public void process(byte[] iv, byte[] buf, int off, int len) {
    if (len % BLOCK_SIZE != 0 || iv.length != BLOCK_SIZE) {
      throw new IllegalArgumentException("CBC needs whole blocks and a 16-byte IV");
    }
    // A null key keeps the scheduled one (BouncyCastle's CBCBlockCipher.init).
    cbc.init(forEncryption, new ParametersWithIV(key, iv));
    key = null;
    for (int i = 0; i < len; i += BLOCK_SIZE) {
      cbc.processBlock(buf, off + i, buf, off + i);
    }
  }
}
