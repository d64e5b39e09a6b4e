package dev.hslab.model.message;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random valid ServerKeyExchange, ClientKeyExchange, CertificateRequest and CertificateVerify
 * values from a seeded {@link Random}: sizes lean to the bounds of each field (min, min+1, the
 * cap), and codes mix registered values with arbitrary unknown ones. Lengths of 2^16-1 fields
 * are capped so that {@code CodecChecks}' every-truncation pass stays fast; the maximal bounds
 * have their own tests.
 */
final class MessageGenB {

  /** Largest generated length of a field whose bound is 2^16-1. */
  static final int CAP = 200;

  private final Random random;

  MessageGenB(Random random) {
    this.random = random;
  }

  /** Bytes of a length in {@code min..min(max, cap)}, biased to the ends. */
  Bytes bytes(int min, int max, int cap) {
    int hi = Math.min(max, cap);
    int len = switch (random.nextInt(8)) {
      case 0 -> min;
      case 1 -> Math.min(min + 1, hi);
      case 2 -> hi;
      default -> min + random.nextInt(hi - min + 1);
    };
    byte[] b = new byte[len];
    random.nextBytes(b);
    return Bytes.wrap(b);
  }

  Bytes opaque16(int min) {
    return bytes(min, 0xffff, CAP);
  }

  Bytes point() {
    return bytes(1, 0xff, 0xff);
  }

  int namedGroup() {
    NamedGroup[] known = NamedGroup.values();
    return random.nextBoolean() ? known[random.nextInt(known.length)].code() : random.nextInt(0x10000);
  }

  int signatureAlgorithm() {
    SignatureScheme[] known = SignatureScheme.values();
    return random.nextBoolean() ? known[random.nextInt(known.length)].code() : random.nextInt(0x10000);
  }

  DigitallySigned digitallySigned(ProtocolVersion version) {
    return DigitallySigned.forVersion(version, signatureAlgorithm(), opaque16(0));
  }

  ServerEcdhParams ecdh() {
    return new ServerEcdhParams(namedGroup(), point());
  }

  ServerKeyExchangeParams params(KeyExchange kx) {
    return switch (kx) {
      case DHE_RSA, DH_ANON -> new ServerDhParams(opaque16(1), opaque16(1), opaque16(1));
      case ECDHE_RSA, ECDHE_ECDSA, ECDH_ANON -> ecdh();
      case PSK -> new PskIdentityHint(opaque16(0));
      case ECDHE_PSK -> new EcdhePskServerParams(opaque16(0), ecdh());
      case RSA -> throw new IllegalArgumentException("no ServerKeyExchange under RSA");
    };
  }

  ServerKeyExchange serverKeyExchange(KeyExchange kx, ProtocolVersion version) {
    ServerKeyExchangeParams params = params(kx);
    return kx.signedServerKeyExchange()
        ? ServerKeyExchange.signed(params, digitallySigned(version))
        : ServerKeyExchange.unsigned(params);
  }

  ClientKeyExchange clientKeyExchange(KeyExchange kx, ProtocolVersion version) {
    ClientExchangeKeys keys = switch (kx) {
      case RSA -> ClientExchangeKeys.Rsa.forVersion(version, opaque16(0));
      case DHE_RSA, DH_ANON -> new ClientExchangeKeys.Dh(opaque16(1));
      case ECDHE_RSA, ECDHE_ECDSA, ECDH_ANON -> new ClientExchangeKeys.Ecdh(point());
      case PSK -> new ClientExchangeKeys.Psk(opaque16(0));
      case ECDHE_PSK -> new ClientExchangeKeys.EcdhePsk(opaque16(0), point());
    };
    return new ClientKeyExchange(keys);
  }

  CertificateRequest certificateRequest(ProtocolVersion version) {
    List<Integer> types = new ArrayList<>();
    int nTypes = bytes(1, 0xff, 0xff).length();
    ClientCertificateType[] known = ClientCertificateType.values();
    for (int i = 0; i < nTypes; i++) {
      types.add(random.nextBoolean() ? known[random.nextInt(known.length)].code() : random.nextInt(0x100));
    }
    Optional<List<Integer>> algorithms = Optional.empty();
    if (version.isTls12OrLater()) {
      List<Integer> algs = new ArrayList<>();
      int nAlgs = bytes(1, 0x7fff, CAP / 2).length();
      for (int i = 0; i < nAlgs; i++) {
        algs.add(signatureAlgorithm());
      }
      algorithms = Optional.of(algs);
    }
    List<Bytes> cas = new ArrayList<>();
    int nCas = random.nextInt(4);
    for (int i = 0; i < nCas; i++) {
      cas.add(bytes(1, 0xffff, CAP / 2));
    }
    return new CertificateRequest(types, algorithms, cas);
  }

  CertificateVerify certificateVerify(ProtocolVersion version) {
    return new CertificateVerify(digitallySigned(version));
  }
}
