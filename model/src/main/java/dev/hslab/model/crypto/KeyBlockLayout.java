package dev.hslab.model.crypto;

import dev.hslab.model.suite.BulkCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;

/**
 * How the key block splits for one (version, suite) (RFC 5246 §6.3): client_write_MAC_key,
 * server_write_MAC_key, client_write_key, server_write_key, client_write_IV, server_write_IV.
 */
public record KeyBlockLayout(int macKeyLength, int keyLength, int ivLength) {

  public KeyBlockLayout {
    if (macKeyLength < 0 || keyLength <= 0 || ivLength < 0) {
      throw new IllegalArgumentException("bad key block layout " + macKeyLength + "/" + keyLength + "/" + ivLength);
    }
  }

  /**
   * The layout of {@code suite} under {@code version}. MAC keys: the HMAC length, none for AEAD.
   * IV part: the CBC block size only in SSL 3.0 and TLS 1.0, whose records chain the IV; TLS 1.1+
   * sends an explicit IV per record and takes none from the key block (RFC 4346 §6.3); the 4-byte
   * GCM salt (RFC 5288 §3); the 12-byte ChaCha20-Poly1305 nonce mask (RFC 7905 §2).
   */
  public static KeyBlockLayout of(ProtocolVersion version, CipherSuite suite) {
    BulkCipher cipher = suite.cipher();
    int iv = cipher.type() == BulkCipher.Type.AEAD || !version.hasExplicitIv() ? cipher.fixedIvLength() : 0;
    return new KeyBlockLayout(suite.mac().length(), cipher.keyLength(), iv);
  }

  /** The key block bytes to derive: both directions' MAC key, key and IV. */
  public int length() {
    return 2 * (macKeyLength + keyLength + ivLength);
  }

  /** Cuts {@code keyBlock} (exactly {@link #length()} bytes) into the two directions' keys. */
  public SessionKeys split(Bytes keyBlock) {
    if (keyBlock.length() != length()) {
      throw new IllegalArgumentException("key block is " + keyBlock.length() + " bytes, layout needs " + length());
    }
    int clientMac = 0;
    int serverMac = clientMac + macKeyLength;
    int clientKey = serverMac + macKeyLength;
    int serverKey = clientKey + keyLength;
    int clientIv = serverKey + keyLength;
    int serverIv = clientIv + ivLength;
    TrafficKeys client = new TrafficKeys(keyBlock.slice(clientMac, serverMac),
        keyBlock.slice(clientKey, serverKey), keyBlock.slice(clientIv, serverIv));
    TrafficKeys server = new TrafficKeys(keyBlock.slice(serverMac, clientKey),
        keyBlock.slice(serverKey, clientIv), keyBlock.slice(serverIv, serverIv + ivLength));
    return new SessionKeys(client, server);
  }
}
