package dev.hslab.model.crypto;

import dev.hslab.model.suite.PrfHash;
import dev.hslab.model.wire.Bytes;
import java.util.Objects;

/** RFC 5246 §5: PRF(secret, label, seed) = P_hash(secret, label + seed) with the suite's hash. */
public record Tls12Prf(PrfHash hash) implements Prf {

  public Tls12Prf {
    Objects.requireNonNull(hash, "hash");
  }

  @Override
  public Bytes compute(Bytes secret, String label, Bytes seed, int length) {
    PHash.checkLength(length);
    byte[] s = secret.toByteArray();
    byte[] out = new byte[length];
    PHash.xorInto(Digests.of(hash), s, 0, s.length, PHash.labelSeed(label, seed.toByteArray()), out);
    return Bytes.wrap(out);
  }
}
