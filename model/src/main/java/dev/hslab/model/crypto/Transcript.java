package dev.hslab.model.crypto;

import dev.hslab.model.suite.PrfHash;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.util.Memoable;

/**
 * The handshake transcript: every handshake message exactly as sent, header included, in order
 * (RFC 5246 §7.4.9 handshake_messages; HelloRequest and ChangeCipherSpec are not handshake
 * messages of the transcript). Immutable: {@link #append} returns a new transcript; two are equal
 * when they hold the same messages.
 *
 * <p>Cost: append copies the list of message references (a handshake has about a dozen). The
 * first {@link #hash(PrfHash)} of a kind hashes the whole transcript (a few KB, the certificates
 * included) and keeps the running digest; transcripts appended to it carry that digest forward,
 * so the later TLS 1.2 queries (extended master secret, both Finished) hash only what was added.
 * Nothing is quadratic in message bytes.
 */
public final class Transcript {

  private static final Transcript EMPTY = new Transcript(List.of());

  private final List<Bytes> messages;
  /** Running digests over all of {@code messages}, by {@link PrfHash} ordinal; a memo, guarded by {@code this}. */
  private final Digest[] running;

  public Transcript(List<Bytes> messages) {
    this(List.copyOf(messages), new Digest[PrfHash.values().length]);
  }

  private Transcript(List<Bytes> messages, Digest[] running) {
    this.messages = messages;
    this.running = running;
  }

  public static Transcript empty() {
    return EMPTY;
  }

  /** The handshake messages, in order. */
  public List<Bytes> messages() {
    return messages;
  }

  /** This transcript followed by one handshake message's encoding (header + body). */
  public Transcript append(Bytes handshakeMessage) {
    Objects.requireNonNull(handshakeMessage, "handshakeMessage");
    List<Bytes> next = new ArrayList<>(messages.size() + 1);
    next.addAll(messages);
    next.add(handshakeMessage);
    Digest[] carried = new Digest[running.length];
    synchronized (this) {
      for (int i = 0; i < running.length; i++) {
        if (running[i] != null) {
          carried[i] = copy(running[i]);
          handshakeMessage.updateDigest(carried[i]);
        }
      }
    }
    return new Transcript(Collections.unmodifiableList(next), carried);
  }

  /** Total bytes of handshake_messages. */
  public int length() {
    int n = 0;
    for (Bytes m : messages) {
      n += m.length();
    }
    return n;
  }

  /**
   * handshake_messages, the bytes CertificateVerify signs in TLS 1.2 (RFC 5246 §7.4.8): the signer
   * hashes them itself with the negotiated signature hash.
   */
  public Bytes handshakeMessages() {
    return Bytes.wrap(concatenated());
  }

  /** Hash(handshake_messages) with a TLS 1.2 PRF hash: the Finished and EMS input in TLS 1.2. */
  public Bytes hash(PrfHash hash) {
    Digest d;
    synchronized (this) {
      if (running[hash.ordinal()] == null) {
        Digest fresh = Digests.of(hash);
        for (Bytes m : messages) {
          m.updateDigest(fresh);
        }
        running[hash.ordinal()] = fresh;
      }
      d = copy(running[hash.ordinal()]);
    }
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return Bytes.wrap(out);
  }

  private static Digest copy(Digest d) {
    return (Digest) ((Memoable) d).copy();
  }

  /**
   * MD5(handshake_messages) + SHA-1(handshake_messages), 36 bytes: the TLS 1.0/1.1 Finished input
   * (RFC 2246 §7.4.9), session_hash for EMS (RFC 7627 §3) and the RSA CertificateVerify digest
   * (RFC 2246 §7.4.8).
   */
  public Bytes md5Sha1() {
    byte[] all = concatenated();
    return Bytes.concat(Bytes.wrap(Digests.digest(Digests.md5(), all)),
        Bytes.wrap(Digests.digest(Digests.sha1(), all)));
  }

  /** SHA-1(handshake_messages): what an ECDSA CertificateVerify signs in TLS 1.0/1.1 (RFC 4492 §5.8). */
  public Bytes sha1() {
    return Bytes.wrap(Digests.digest(Digests.sha1(), concatenated()));
  }

  /** The SSL 3.0 Finished hashes md5_hash + sha_hash, 36 bytes (RFC 6101 §5.6.9). */
  public Bytes ssl3Finished(Bytes masterSecret, Sender sender) {
    return Ssl3Hashes.compute(concatenated(), sender.ssl3Sender(), masterSecret);
  }

  /** The SSL 3.0 CertificateVerify hashes: the Finished construction without Sender (RFC 6101 §5.6.8). */
  public Bytes ssl3CertificateVerify(Bytes masterSecret) {
    return Ssl3Hashes.compute(concatenated(), Bytes.EMPTY, masterSecret);
  }

  /** Hashes the transcript with a caller's digest (e.g. a TLS 1.2 signature hash). */
  public Bytes digest(Digest digest) {
    return Bytes.wrap(Digests.digest(digest, concatenated()));
  }

  private byte[] concatenated() {
    byte[] all = new byte[length()];
    int off = 0;
    for (Bytes m : messages) {
      m.copyTo(all, off);
      off += m.length();
    }
    return all;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transcript t && t.messages.equals(messages);
  }

  @Override
  public int hashCode() {
    return messages.hashCode();
  }

  @Override
  public String toString() {
    return "Transcript[" + messages.size() + " messages, " + length() + " bytes]";
  }
}
