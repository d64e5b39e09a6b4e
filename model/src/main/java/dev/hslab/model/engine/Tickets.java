package dev.hslab.model.engine;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * RFC 5077 §4's recommended ticket construction, with AES-256-GCM in place of CBC + HMAC:
 * key_name (16) || nonce (12) || sealed session state. Only the server that holds the key can
 * open it; a ticket it cannot open means a full handshake (RFC 5077 §3.4).
 */
final class Tickets {

  private Tickets() {}

  static Bytes seal(Session s, Bytes key, RandomSource random) {
    WireWriter state = new WireWriter();
    s.version().write(state);
    state.uint16(s.cipherSuite().code());
    state.uint8((s.extendedMasterSecret() ? 1 : 0) | (s.clientAuthenticated() ? 2 : 0));
    state.opaque8(s.masterSecret());
    state.opaque8(s.id());
    byte[] plain = state.toBytes().toByteArray();
    byte[] nonce = random.nextBytes(12);
    GCMBlockCipher gcm = gcm(key, nonce, true);
    byte[] out = new byte[gcm.getOutputSize(plain.length)];
    int n = gcm.processBytes(plain, 0, plain.length, out, 0);
    try {
      gcm.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException(e);
    }
    return Bytes.concat(keyName(key), Bytes.wrap(nonce), Bytes.wrap(out));
  }

  /** The session in {@code ticket}, or empty when it is not ours, was tampered with, or is malformed. */
  static Optional<Session> open(Bytes ticket, Bytes key) {
    if (ticket.length() < 16 + 12 + 16 || !ticket.slice(0, 16).equals(keyName(key))) {
      return Optional.empty();
    }
    byte[] sealed = ticket.slice(28, ticket.length()).toByteArray();
    GCMBlockCipher gcm = gcm(key, ticket.slice(16, 28).toByteArray(), false);
    byte[] plain = new byte[gcm.getOutputSize(sealed.length)];
    try {
      int n = gcm.processBytes(sealed, 0, sealed.length, plain, 0);
      gcm.doFinal(plain, n);
      WireReader r = WireReader.of(Bytes.wrap(plain), "ticket");
      ProtocolVersion v = ProtocolVersion.read(r, "version");
      Optional<CipherSuite> suite = CipherSuite.fromCode(r.uint16("cipher_suite"));
      int flags = r.uint8("flags");
      Bytes master = r.opaque8("master_secret", 48, 48);
      Bytes id = r.opaque8("session_id", 0, 32);
      r.expectEnd("ticket");
      return suite.map(s -> new Session(id, v, s, master, (flags & 1) != 0, (flags & 2) != 0, Optional.of(ticket)));
    } catch (InvalidCipherTextException | TlsAlertException e) {
      return Optional.empty();
    }
  }

  private static Bytes keyName(Bytes key) {
    SHA256Digest d = new SHA256Digest();
    key.updateDigest(d);
    byte[] h = new byte[32];
    d.doFinal(h, 0);
    return Bytes.of(h, 0, 16);
  }

  private static GCMBlockCipher gcm(Bytes key, byte[] nonce, boolean encrypt) {
    GCMBlockCipher gcm = new GCMBlockCipher(new AESEngine());
    gcm.init(encrypt, new AEADParameters(new KeyParameter(key.toByteArray()), 128, nonce));
    return gcm;
  }
}
