package dev.hslab.model.crypto;

import dev.hslab.model.wire.Bytes;

/**
 * The TLS 1.0/1.1 PRF (RFC 2246 §5, RFC 4346 §5): PRF = P_MD5(S1, label + seed) XOR P_SHA-1(S2,
 * label + seed), where S1 is the first and S2 the last ceil(len/2) bytes of the secret, so the
 * halves share the middle byte when the secret's length is odd.
 */
public record Tls10Prf() implements Prf {

  @Override
  public Bytes compute(Bytes secret, String label, Bytes seed, int length) {
    PHash.checkLength(length);
    byte[] s = secret.toByteArray();
    int half = (s.length + 1) / 2;
    byte[] labelSeed = PHash.labelSeed(label, seed.toByteArray());
    byte[] out = new byte[length];
    PHash.xorInto(Digests.md5(), s, 0, half, labelSeed, out);
    PHash.xorInto(Digests.sha1(), s, s.length - half, half, labelSeed, out);
    return Bytes.wrap(out);
  }
}
