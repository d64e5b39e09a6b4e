package dev.hslab.model.message;

import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code digitally-signed} element (RFC 5246 §4.7): in TLS 1.2 a SignatureAndHashAlgorithm
 * followed by {@code opaque signature<0..2^16-1>}; before TLS 1.2 only the opaque vector (RFC 4346
 * §4.7, RFC 2246 §4.7, RFC 6101 §5.4.3). The algorithm is kept as the raw two-byte code so that
 * unknown values round-trip; {@link #scheme()} names the known ones. The signature is computed and
 * verified elsewhere.
 */
public record DigitallySigned(OptionalInt algorithm, Bytes signature) {

  public DigitallySigned {
    if (algorithm == null || signature == null) {
      throw new IllegalArgumentException("algorithm and signature required (use OptionalInt.empty())");
    }
    if (algorithm.isPresent() && (algorithm.getAsInt() < 0 || algorithm.getAsInt() > 0xffff)) {
      throw new IllegalArgumentException("SignatureAndHashAlgorithm out of range: " + algorithm.getAsInt());
    }
    if (signature.length() > 0xffff) {
      throw new IllegalArgumentException("signature longer than 2^16-1: " + signature.length());
    }
  }

  /** The TLS 1.2 form with an explicit algorithm code. */
  public static DigitallySigned tls12(int algorithm, Bytes signature) {
    return new DigitallySigned(OptionalInt.of(algorithm), signature);
  }

  /** The SSL 3.0 / TLS 1.0 / TLS 1.1 form: the algorithm is implied by the key (RFC 4346 §4.7). */
  public static DigitallySigned legacy(Bytes signature) {
    return new DigitallySigned(OptionalInt.empty(), signature);
  }

  /** The form this version sends: with an algorithm code from TLS 1.2 on, without before. */
  public static DigitallySigned forVersion(ProtocolVersion version, int algorithm, Bytes signature) {
    return version.isTls12OrLater() ? tls12(algorithm, signature) : legacy(signature);
  }

  public static DigitallySigned read(WireReader r, ProtocolVersion version) throws TlsAlertException {
    // RFC 5246 §7.4.1.4.1: SignatureAndHashAlgorithm is hash(1) then signature(1); one uint16 code.
    OptionalInt algorithm = version.isTls12OrLater()
        ? OptionalInt.of(r.uint16("SignatureAndHashAlgorithm")) : OptionalInt.empty();
    return new DigitallySigned(algorithm, r.opaque16("signature", 0, 0xffff));
  }

  public void write(WireWriter w) {
    algorithm.ifPresent(w::uint16);
    w.opaque16(signature);
  }

  /** Whether this has the shape {@code version} sends: the algorithm field exactly from TLS 1.2 on. */
  public boolean fitsVersion(ProtocolVersion version) {
    return algorithm.isPresent() == version.isTls12OrLater();
  }

  public Optional<SignatureScheme> scheme() {
    return algorithm.isPresent() ? SignatureScheme.fromCode(algorithm.getAsInt()) : Optional.empty();
  }

  /** E.g. {@code sig=rsa_pkcs1_sha256 256B}, {@code sig=0x0808 64B}, {@code sig 128B}. */
  public String describe() {
    if (algorithm.isEmpty()) {
      return "sig " + signature.length() + "B";
    }
    String name = scheme().map(SignatureScheme::rfcName)
        .orElse(String.format("0x%04x", algorithm.getAsInt()));
    return "sig=" + name + " " + signature.length() + "B";
  }
}
