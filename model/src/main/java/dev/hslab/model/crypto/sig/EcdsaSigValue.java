package dev.hslab.model.crypto.sig;

import java.math.BigInteger;

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
   * Strict DER only: definite, minimal lengths, minimal two's-complement integers, nothing after
   * the SEQUENCE; r and s must be in [0, n) (1 ≤ r, s is the verification's own check, FIPS 186-4
   * §6.4.2). The same encodings are accepted as by BouncyCastle's {@code StandardDSAEncoding}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static EcdsaSigValue decode(byte[] der, BigInteger n) {
    Reader in = new Reader(der);
    int end = in.header(SEQUENCE);
    if (end != der.length) {
      throw new IllegalArgumentException("bytes after the Ecdsa-Sig-Value");
    }
    BigInteger r = in.integer(n);
    BigInteger s = in.integer(n);
    if (in.at != end) {
      throw new IllegalArgumentException("Ecdsa-Sig-Value has more than two INTEGERs");
    }
    return new EcdsaSigValue(r, s);
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

  private static final class Reader {
    private final byte[] der;
    private int at;

    Reader(byte[] der) {
      this.der = der;
    }

    /** Reads a tag and its length; returns where the contents end. */
    int header(int tag) {
      if (at >= der.length || (der[at] & 0xff) != tag) {
        throw new IllegalArgumentException(
            "expected " + (tag == SEQUENCE ? "SEQUENCE" : "INTEGER") + " at offset " + at);
      }
      at++;
      if (at >= der.length) {
        throw new IllegalArgumentException("truncated length at offset " + at);
      }
      int first = der[at++] & 0xff;
      int length;
      if (first < 0x80) {
        length = first;
      } else {
        int octets = first & 0x7f;
        // X.690 §10.1: the definite form with the fewest octets; no indefinite form (0x80).
        if (octets == 0 || octets > 2 || at + octets > der.length || der[at] == 0) {
          throw new IllegalArgumentException("length at offset " + (at - 1) + " is not minimal DER");
        }
        length = 0;
        for (int i = 0; i < octets; i++) {
          length = (length << 8) | (der[at++] & 0xff);
        }
        if (length < 0x80) {
          throw new IllegalArgumentException("length at offset " + (at - octets - 1) + " is not minimal DER");
        }
      }
      if (length > der.length - at) {
        throw new IllegalArgumentException("length at offset " + at + " runs past the end");
      }
      return at + length;
    }

    /** X.690 §8.3.2: an INTEGER's contents are minimal (no redundant leading 00 or FF octet). */
    BigInteger integer(BigInteger n) {
      int end = header(INTEGER);
      int length = end - at;
      if (length == 0) {
        throw new IllegalArgumentException("empty INTEGER");
      }
      if (length > 1 && (der[at] == 0 && der[at + 1] >= 0 || der[at] == (byte) 0xff && der[at + 1] < 0)) {
        throw new IllegalArgumentException("INTEGER at offset " + at + " is not minimal");
      }
      BigInteger v = new BigInteger(der, at, length);
      at = end;
      if (v.signum() < 0 || v.compareTo(n) >= 0) {
        throw new IllegalArgumentException("signature value out of range");
      }
      return v;
    }
  }
}
