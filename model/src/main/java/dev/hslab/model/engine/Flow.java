package dev.hslab.model.engine;

import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.LegacyHashes;
import dev.hslab.model.crypto.Sender;
import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.crypto.sig.Signatures;
import dev.hslab.model.crypto.sig.SigningKey;
import dev.hslab.model.crypto.sig.VerifyingKey;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.message.DigitallySigned;
import dev.hslab.model.message.Finished;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.List;
import java.util.Optional;

/**
 * One role's actions: what absorbing each incoming message does (validate, then update the
 * handshake context and the facts) and how each outgoing message is produced. The order of
 * messages is not decided here: the transition table calls these.
 */
abstract class Flow {

  final Connection c;
  final Sender me;

  Flow(Connection c, Sender me) {
    this.c = c;
    this.me = me;
  }

  abstract void absorb(Incoming in) throws TlsAlertException;

  abstract Outgoing produce(MessageKind kind) throws TlsAlertException;

  HandshakeContext hs() {
    return c.hs;
  }

  /**
   * The master secret this side will derive from messages the peer has sent and it has not read
   * yet, given every handshake message an observer of the wire saw in this handshake (see {@link
   * ModelEngine#masterSecret(Bytes, Transcript)}); empty when those messages do not fix it yet.
   * Changes nothing and draws nothing from the configured random source.
   */
  abstract Optional<Bytes> masterSecretAhead(Transcript seen) throws TlsAlertException;

  /** RFC 5246 §8.1 / RFC 7627 §4: the master secret, then the pending record keys. */
  void deriveKeys(Bytes premaster, Bytes clientKeyExchange) {
    HandshakeContext hs = hs();
    hs.premaster = premaster;
    hs.masterSecret = masterSecret(premaster, hs.transcript.append(clientKeyExchange));
    installKeys();
  }

  /** RFC 5246 §8.1, or RFC 7627 §4 over the transcript through the ClientKeyExchange when negotiated. */
  Bytes masterSecret(Bytes premaster, Transcript throughClientKeyExchange) {
    HandshakeContext hs = hs();
    KeyDerivation d = hs.derivation;
    return hs.extendedMasterSecret
        ? d.extendedMasterSecret(premaster, throughClientKeyExchange)
        : d.masterSecret(premaster, hs.clientRandom, hs.serverRandom);
  }

  /** The last message of {@code type} in {@code seen}, and the transcript through it. */
  static Optional<Transcript> through(Transcript seen, dev.hslab.model.message.HandshakeType type) {
    List<Bytes> messages = seen.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      Bytes m = messages.get(i);
      if (!m.isEmpty() && m.getUnsigned(0) == type.code()) {
        return Optional.of(new Transcript(messages.subList(0, i + 1)));
      }
    }
    return Optional.empty();
  }

  /** The last message of a transcript made by {@link #through}. */
  static Bytes last(Transcript t) {
    return t.messages().get(t.messages().size() - 1);
  }

  /** The key block from the master secret (also for an abbreviated handshake, RFC 5246 §7.3). */
  void installKeys() {
    HandshakeContext hs = hs();
    c.records.setPending(hs.suite, hs.version, hs.derivation.sessionKeys(hs.masterSecret, hs.clientRandom, hs.serverRandom));
  }

  Outgoing finished() {
    HandshakeContext hs = hs();
    Bytes verifyData = hs.derivation.verifyData(hs.masterSecret, me, hs.transcript);
    if (me == Sender.CLIENT) {
      hs.clientVerifyData = verifyData;
    } else {
      hs.serverVerifyData = verifyData;
    }
    return Outgoing.handshake(new Finished(verifyData));
  }

  /** RFC 5246 §7.4.9: a Finished that does not verify is decrypt_error. */
  void verifyFinished(Finished f) throws TlsAlertException {
    HandshakeContext hs = hs();
    Bytes expected = hs.derivation.verifyData(hs.masterSecret, me.peer(), hs.transcript);
    if (expected.length() != f.verifyData().length() || !expected.constantTimeEquals(f.verifyData())) {
      throw new TlsAlertException(AlertDescription.DECRYPT_ERROR, "Finished: verify_data does not match");
    }
    if (me == Sender.CLIENT) {
      hs.serverVerifyData = f.verifyData();
    } else {
      hs.clientVerifyData = f.verifyData();
    }
  }

  /**
   * Signs {@code data} the way {@code version} signs (RFC 5246 §4.7, RFC 2246 §7.4.3): TLS 1.2
   * with {@code scheme}, earlier versions over MD5+SHA-1 (RSA) or SHA-1 (ECDSA) of the data, or
   * over a hash given precomputed.
   */
  static DigitallySigned sign(ProtocolVersion version, SignatureScheme scheme, SigningKey key, Bytes data,
      Bytes legacyHash, dev.hslab.model.crypto.RandomSource random) throws TlsAlertException {
    if (version.isTls12OrLater()) {
      return DigitallySigned.tls12(scheme.code(), Signatures.sign(scheme, key, data, random));
    }
    Bytes hash = legacyHash != null ? legacyHash : legacyHash(key.type() == dev.hslab.model.crypto.sig.KeyAlgorithm.RSA, data);
    return DigitallySigned.legacy(Signatures.signLegacy(key, hash, random));
  }

  /** Verifies a digitally-signed struct; TLS 1.2 schemes must be among {@code accepted}. */
  static void verify(ProtocolVersion version, DigitallySigned signed, VerifyingKey key, Bytes data, Bytes legacyHash,
      List<SignatureScheme> accepted, String what) throws TlsAlertException {
    if (version.isTls12OrLater()) {
      SignatureScheme scheme = signed.scheme().filter(accepted::contains).orElseThrow(() -> new TlsAlertException(
          AlertDescription.ILLEGAL_PARAMETER, what + ": signature algorithm " + signed.describe() + " was not offered"));
      Signatures.verify(scheme, key, data, signed.signature());
      return;
    }
    Bytes hash = legacyHash != null ? legacyHash : legacyHash(key.type() == dev.hslab.model.crypto.sig.KeyAlgorithm.RSA, data);
    Signatures.verifyLegacy(key, hash, signed.signature());
  }

  private static Bytes legacyHash(boolean rsa, Bytes data) {
    return rsa ? LegacyHashes.md5Sha1(data) : LegacyHashes.sha1(data);
  }

  /** The first of {@code preferred} the peer accepts (empty list: RFC 5246 §7.4.1.4.1 defaults) that fits the key. */
  static SignatureScheme chooseScheme(List<SignatureScheme> preferred, List<Integer> peerAccepts, boolean rsaKey)
      throws TlsAlertException {
    for (SignatureScheme s : preferred) {
      boolean peerOk = peerAccepts.isEmpty()
          ? s == SignatureScheme.RSA_PKCS1_SHA1 || s == SignatureScheme.ECDSA_SHA1
          : peerAccepts.contains(s.code());
      if (peerOk && s.usesRsaKey() == rsaKey) {
        return s;
      }
    }
    throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "no common signature algorithm for the "
        + (rsaKey ? "RSA" : "ECDSA") + " key");
  }
}
