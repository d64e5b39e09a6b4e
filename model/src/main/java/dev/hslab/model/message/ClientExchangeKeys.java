package dev.hslab.model.message;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * The {@code exchange_keys} of a ClientKeyExchange (RFC 5246 §7.4.7), one record per key
 * exchange family. Public values are kept as their wire bytes; checking them is the key
 * exchange's job.
 */
public sealed interface ClientExchangeKeys {

  void write(WireWriter w);

  String describe();

  /**
   * RSA EncryptedPreMasterSecret (RFC 5246 §7.4.7.1): {@code opaque<0..2^16-1>} in TLS; in SSL 3.0
   * the ciphertext is the whole body with no length prefix (RFC 6101 §5.6.7.1).
   *
   * @param lengthPrefixed true for the TLS form, false for SSL 3.0's
   */
  record Rsa(Bytes encrypted, boolean lengthPrefixed) implements ClientExchangeKeys {
    public Rsa {
      if (encrypted == null || (lengthPrefixed && encrypted.length() > 0xffff)) {
        throw new IllegalArgumentException("EncryptedPreMasterSecret needs 0..65535 bytes");
      }
    }

    /** The form {@code version} sends. */
    public static Rsa forVersion(ProtocolVersion version, Bytes encrypted) {
      return new Rsa(encrypted, !version.isSsl3());
    }

    static Rsa read(WireReader r, ProtocolVersion version) throws TlsAlertException {
      if (version.isSsl3()) {
        return new Rsa(r.rest(), false);
      }
      return new Rsa(r.opaque16("EncryptedPreMasterSecret", 0, 0xffff), true);
    }

    @Override
    public void write(WireWriter w) {
      if (lengthPrefixed) {
        w.opaque16(encrypted);
      } else {
        w.bytes(encrypted);
      }
    }

    @Override
    public String describe() {
      return "rsa encrypted=" + encrypted.length() + "B" + (lengthPrefixed ? "" : " ssl3");
    }
  }

  /**
   * RFC 5246 §7.4.7.2 ClientDiffieHellmanPublic, explicit encoding: {@code opaque dh_Yc<1..2^16-1>}.
   * The implicit (empty) encoding of fixed-DH client certificates is not supported.
   */
  record Dh(Bytes yc) implements ClientExchangeKeys {
    public Dh {
      if (yc == null || yc.isEmpty() || yc.length() > 0xffff) {
        throw new IllegalArgumentException("dh_Yc needs 1..65535 bytes");
      }
    }

    static Dh read(WireReader r) throws TlsAlertException {
      return new Dh(r.opaque16("dh_Yc", 1, 0xffff));
    }

    @Override
    public void write(WireWriter w) {
      w.opaque16(yc);
    }

    @Override
    public String describe() {
      return "dh Yc=" + yc.length() + "B";
    }
  }

  /** RFC 8422 §5.7 ClientECDiffieHellmanPublic: {@code ECPoint ecdh_Yc}, {@code opaque point<1..2^8-1>}. */
  record Ecdh(Bytes point) implements ClientExchangeKeys {
    public Ecdh {
      ServerEcdhParams.checkPoint(point);
    }

    static Ecdh read(WireReader r) throws TlsAlertException {
      return new Ecdh(ServerEcdhParams.readPoint(r));
    }

    @Override
    public void write(WireWriter w) {
      w.opaque8(point);
    }

    @Override
    public String describe() {
      return "ecdh point=" + point.length() + "B";
    }
  }

  /** RFC 4279 §2: {@code opaque psk_identity<0..2^16-1>}. */
  record Psk(Bytes identity) implements ClientExchangeKeys {
    public Psk {
      PskIdentityHint.checkHint(identity);
    }

    static Psk read(WireReader r) throws TlsAlertException {
      return new Psk(r.opaque16("psk_identity", 0, 0xffff));
    }

    @Override
    public void write(WireWriter w) {
      w.opaque16(identity);
    }

    @Override
    public String describe() {
      return "psk identity=" + identity.length() + "B";
    }
  }

  /** RFC 5489 §2: {@code opaque psk_identity<0..2^16-1>} then ClientECDiffieHellmanPublic. */
  record EcdhePsk(Bytes identity, Bytes point) implements ClientExchangeKeys {
    public EcdhePsk {
      PskIdentityHint.checkHint(identity);
      ServerEcdhParams.checkPoint(point);
    }

    static EcdhePsk read(WireReader r) throws TlsAlertException {
      Bytes identity = r.opaque16("psk_identity", 0, 0xffff);
      return new EcdhePsk(identity, ServerEcdhParams.readPoint(r));
    }

    @Override
    public void write(WireWriter w) {
      w.opaque16(identity).opaque8(point);
    }

    @Override
    public String describe() {
      return "ecdhe_psk identity=" + identity.length() + "B point=" + point.length() + "B";
    }
  }
}
