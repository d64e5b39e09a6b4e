package dev.hslab.model.record.protect;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.TrafficKeys;
import dev.hslab.model.suite.BulkCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test fixtures: random traffic keys of the right shape, and suite × version pairs. */
final class Suites {

  record Case(CipherSuite suite, ProtocolVersion version) {
    @Override
    public String toString() {
      return suite + " over " + version.displayName();
    }
  }

  private Suites() {}

  /** Every suite with every version it supports ({@link CipherSuite#supportedBy}). */
  static List<Case> all() {
    List<Case> out = new ArrayList<>();
    for (CipherSuite s : CipherSuite.values()) {
      for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
        if (s.supportedBy(v)) {
          out.add(new Case(s, v));
        }
      }
    }
    return out;
  }

  /** One of each protection shape: GCM-128/256, ChaCha20, CBC with SHA-1/256/384 over each version. */
  static List<Case> representative() {
    return List.of(
        new Case(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12),
        new Case(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, ProtocolVersion.TLS12),
        new Case(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, ProtocolVersion.TLS12),
        new Case(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, ProtocolVersion.TLS12),
        new Case(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, ProtocolVersion.TLS12),
        new Case(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS11),
        new Case(CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA, ProtocolVersion.TLS10),
        new Case(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.SSL3));
  }

  static TrafficKeys keys(Case c, long seed) {
    Random r = new Random(seed);
    BulkCipher cipher = c.suite().cipher();
    int ivLength = cipher.type() == BulkCipher.Type.AEAD || !c.version().hasExplicitIv() ? cipher.fixedIvLength() : 0;
    return new TrafficKeys(random(r, c.suite().mac().length()), random(r, cipher.keyLength()), random(r, ivLength));
  }

  static RecordCipher writer(Case c, long seed) {
    return RecordCipher.forWriting(c.suite(), c.version(), keys(c, seed), RandomSource.seeded(seed));
  }

  static RecordCipher reader(Case c, long seed) {
    return RecordCipher.forReading(c.suite(), c.version(), keys(c, seed));
  }

  static Bytes random(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return Bytes.wrap(b);
  }
}
