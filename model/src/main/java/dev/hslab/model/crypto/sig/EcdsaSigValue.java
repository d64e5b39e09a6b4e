package dev.hslab.model.crypto.sig;

import dev.hslab.model.wire.StrictDer;
import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * An ECDSA signature as sent: {@code Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }} in
 * DER (RFC 3279 §2.2.3; RFC 8422 §5.4 for TLS, RFC 5480 for certificates). Read directly from the
 * bytes: BouncyCastle's general ASN.1 parser and the re-encoding it needs to prove DER cost more
 * than the rest of the signature's handling.
 */
public record EcdsaSigValue(BigInteger r, BigInteger s) {

  private static final int SEQUENCE = 0x30;
  private static final int INTEGER = 0x02;

  /**
   * Strict DER only ({@link StrictDer}: definite, minimal lengths, minimal two's-complement
   * integers, nothing after the SEQUENCE); r and s must be in [0, n) (1 ≤ r, s is the
   * verification's own check, FIPS 186-4 §6.4.2). The same encodings are accepted as by
   * BouncyCastle's {@code StandardDSAEncoding}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static EcdsaSigValue decode(byte[] der, BigInteger n) {
    String notDer = StrictDer.problem(der);
    if (notDer != null) {
      throw new IllegalArgumentException(notDer);
    }
    if (der[0] != SEQUENCE) {
      throw new IllegalArgumentException("not a SEQUENCE");
    }
    // The walk proved the elements well-formed and within the SEQUENCE, which ends the input.
    int r = StrictDer.contentsStart(der, 0);
    int s = r == der.length ? r : StrictDer.contentsEnd(der, r);
    if (s == r || s == der.length || StrictDer.contentsEnd(der, s) != der.length
        || der[r] != INTEGER || der[s] != INTEGER) {
      throw new IllegalArgumentException("not a SEQUENCE of two INTEGERs");
    }
    return new EcdsaSigValue(value(der, r, n), value(der, s, n));
  }

  /**
   * Whether this signature verifies over {@code hash} with {@code key} (FIPS 186-4 §6.4, including
   * its 1 ≤ r, s &lt; n check).
   */
  public boolean verifies(ECPublicKeyParameters key, byte[] hash) {
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, key);
    return verifier.verifySignature(hash, r, s);
  }

  private static BigInteger value(byte[] der, int at, BigInteger n) {
    int from = StrictDer.contentsStart(der, at);
    BigInteger v = new BigInteger(der, from, StrictDer.contentsEnd(der, at) - from);
    if (v.signum() < 0 || v.compareTo(n) >= 0) {
      throw new IllegalArgumentException("signature value out of range");
    }
    return v;
  }

  /** The DER encoding. */
  public byte[] encoded() {
    byte[] rb = r.toByteArray();
    byte[] sb = s.toByteArray();
    int body = 1 + lengthOctets(rb.length) + rb.length + 1 + lengthOctets(sb.length) + sb.length;
    byte[] out = new byte[1 + lengthOctets(body) + body];
    int at = put(out, 0, SEQUENCE, body);
    at = put(out, at, INTEGER, rb.length);
    System.arraycopy(rb, 0, out, at, rb.length);
    at = put(out, at + rb.length, INTEGER, sb.length);
    System.arraycopy(sb, 0, out, at, sb.length);
    return out;
  }

  /** X.690 §8.1.3: the length octets of a definite length (short form below 128). */
  private static int lengthOctets(int length) {
    return length < 0x80 ? 1 : length < 0x100 ? 2 : 3;
  }

  private static int put(byte[] out, int at, int tag, int length) {
    out[at++] = (byte) tag;
    if (length >= 0x100) {
      out[at++] = (byte) 0x82;
      out[at++] = (byte) (length >> 8);
    } else if (length >= 0x80) {
      out[at++] = (byte) 0x81;
    }
    out[at++] = (byte) length;
    return at;
  }
}
