package dev.hslab.model.message.extension;

import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.List;
import java.util.Optional;

/**
 * signature_algorithms (RFC 5246 §7.4.1.4.1): {@code SignatureAndHashAlgorithm
 * supported_signature_algorithms<2..2^16-2>}, kept as raw two-byte codes so unknown schemes
 * round-trip.
 */
public record SignatureAlgorithmsExtension(List<Integer> schemes) implements Extension {

  public SignatureAlgorithmsExtension {
    schemes = UintLists.checked(schemes, 0xffff, 1, 0x7fff, "signature_algorithms");
  }

  public static SignatureAlgorithmsExtension of(SignatureScheme... schemes) {
    return new SignatureAlgorithmsExtension(java.util.Arrays.stream(schemes).map(SignatureScheme::code).toList());
  }

  public static SignatureAlgorithmsExtension decode(WireReader data) throws TlsAlertException {
    WireReader list = data.vector16("supported_signature_algorithms", 2, 0xfffe);
    data.expectEnd("signature_algorithms");
    return new SignatureAlgorithmsExtension(UintLists.readUint16s(list, "supported_signature_algorithms"));
  }

  /** The schemes this model knows, in the peer's order of preference. */
  public List<SignatureScheme> knownSchemes() {
    return schemes.stream().map(SignatureScheme::fromCode).flatMap(Optional::stream).toList();
  }

  @Override
  public int typeCode() {
    return ExtensionType.SIGNATURE_ALGORITHMS.code();
  }

  @Override
  public void encodeData(WireWriter w) {
    w.uint16(schemes.size() * 2);
    schemes.forEach(w::uint16);
  }

  @Override
  public String describe() {
    return "signature_algorithms(" + UintLists.describe(schemes,
        c -> SignatureScheme.fromCode(c).map(SignatureScheme::rfcName).orElse(String.format("0x%04x", c))) + ")";
  }
}
