package dev.hslab.model.message;

import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * RFC 5246 §7.4.4 CertificateRequest:
 * {@code ClientCertificateType certificate_types<1..2^8-1>;
 * SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>;
 * DistinguishedName certificate_authorities<0..2^16-1>} with
 * {@code opaque DistinguishedName<1..2^16-1>} (DER). The signature algorithm list exists only in
 * TLS 1.2; TLS 1.0/1.1 (RFC 4346 §7.4.4) and SSL 3.0 (RFC 6101 §5.6.4) go straight from the types
 * to the authorities. Codes are kept raw so that unknown ones round-trip.
 *
 * @param certificateTypes raw ClientCertificateType bytes, at least one
 * @param signatureAlgorithms raw SignatureAndHashAlgorithm codes, present exactly in TLS 1.2
 * @param certificateAuthorities DER DistinguishedNames, possibly none
 */
public record CertificateRequest(
    List<Integer> certificateTypes,
    Optional<List<Integer>> signatureAlgorithms,
    List<Bytes> certificateAuthorities) implements HandshakeMessage {

  public CertificateRequest {
    certificateTypes = List.copyOf(certificateTypes);
    signatureAlgorithms = signatureAlgorithms.map(List::copyOf);
    certificateAuthorities = List.copyOf(certificateAuthorities);
    if (certificateTypes.isEmpty() || certificateTypes.size() > 0xff) {
      throw new IllegalArgumentException("certificate_types needs 1..255 entries");
    }
    certificateTypes.forEach(t -> checkRange(t, 0xff, "ClientCertificateType"));
    signatureAlgorithms.ifPresent(algs -> {
      if (algs.isEmpty() || algs.size() > 0x7fff) {
        throw new IllegalArgumentException("supported_signature_algorithms needs 1..32767 entries");
      }
      algs.forEach(a -> checkRange(a, 0xffff, "SignatureAndHashAlgorithm"));
    });
    int total = 0;
    for (Bytes dn : certificateAuthorities) {
      if (dn.isEmpty() || dn.length() > 0xffff) {
        throw new IllegalArgumentException("DistinguishedName needs 1..65535 bytes");
      }
      total += 2 + dn.length();
    }
    if (total > 0xffff) {
      throw new IllegalArgumentException("certificate_authorities longer than 2^16-1: " + total);
    }
  }

  public static CertificateRequest decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    List<Integer> types = new ArrayList<>();
    WireReader t = body.vector8("certificate_types", 1, 0xff);
    while (t.hasRemaining()) {
      types.add(t.uint8("ClientCertificateType"));
    }
    Optional<List<Integer>> algorithms = Optional.empty();
    if (ctx.version().isTls12OrLater()) {
      WireReader a = body.vector16("supported_signature_algorithms", 2, 0xfffe);
      // RFC 5246 §4.3: a vector of 2-byte items has an even length.
      a.requireMultipleOf(2, "supported_signature_algorithms");
      List<Integer> list = new ArrayList<>();
      while (a.hasRemaining()) {
        list.add(a.uint16("SignatureAndHashAlgorithm"));
      }
      algorithms = Optional.of(list);
    }
    List<Bytes> authorities = new ArrayList<>();
    WireReader c = body.vector16("certificate_authorities", 0, 0xffff);
    while (c.hasRemaining()) {
      authorities.add(c.opaque16("DistinguishedName", 1, 0xffff));
    }
    body.expectEnd("CertificateRequest");
    return new CertificateRequest(types, algorithms, authorities);
  }

  /** The named certificate types, unknown codes skipped. */
  public List<ClientCertificateType> knownCertificateTypes() {
    return certificateTypes.stream().map(ClientCertificateType::fromCode)
        .flatMap(Optional::stream).toList();
  }

  /** The named signature schemes (empty before TLS 1.2), unknown codes skipped. */
  public List<SignatureScheme> knownSignatureSchemes() {
    return signatureAlgorithms.orElse(List.of()).stream().map(SignatureScheme::fromCode)
        .flatMap(Optional::stream).toList();
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.CERTIFICATE_REQUEST;
  }

  @Override
  public void encodeBody(WireWriter w) {
    int m = w.begin(1);
    certificateTypes.forEach(w::uint8);
    w.end(m);
    signatureAlgorithms.ifPresent(algs -> {
      int a = w.begin(2);
      algs.forEach(w::uint16);
      w.end(a);
    });
    int c = w.begin(2);
    certificateAuthorities.forEach(w::opaque16);
    w.end(c);
  }

  /** E.g. {@code CertificateRequest types=[rsa_sign,ecdsa_sign] sigalgs=[rsa_pkcs1_sha256] cas=1}. */
  @Override
  public String describe() {
    String types = certificateTypes.stream()
        .map(t -> ClientCertificateType.fromCode(t).map(ClientCertificateType::rfcName).orElse("0x" + hex2(t)))
        .collect(Collectors.joining(",", "[", "]"));
    String algs = signatureAlgorithms.map(list -> " sigalgs=" + list.stream()
        .map(a -> SignatureScheme.fromCode(a).map(SignatureScheme::rfcName).orElse(String.format("0x%04x", a)))
        .collect(Collectors.joining(",", "[", "]"))).orElse("");
    return "CertificateRequest types=" + types + algs + " cas=" + certificateAuthorities.size();
  }

  private static String hex2(int v) {
    return String.format("%02x", v);
  }

  private static void checkRange(Integer v, int max, String what) {
    if (v == null || v < 0 || v > max) {
      throw new IllegalArgumentException(what + " out of range 0.." + max + ": " + v);
    }
  }
}
