package dev.hslab.model.message;

import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.Optional;

/**
 * RFC 8422 §5.4 ServerECDHParams: {@code ECParameters curve_params; ECPoint public}, where
 * ECParameters is {@code curve_type named_curve(3)} then a NamedGroup (uint16), and ECPoint is
 * {@code opaque point<1..2^8-1>}. The group is kept as its raw code so unknown groups round-trip;
 * the point is kept raw (validating it is the key exchange's job).
 */
public record ServerEcdhParams(int namedGroup, Bytes point) implements ServerKeyExchangeParams {

  /** RFC 8422 §5.4 ECCurveType named_curve; 1 and 2 (explicit curves) are deprecated there. */
  public static final int NAMED_CURVE = 3;

  public ServerEcdhParams {
    if (namedGroup < 0 || namedGroup > 0xffff) {
      throw new IllegalArgumentException("NamedGroup out of range: " + namedGroup);
    }
    checkPoint(point);
  }

  public static ServerEcdhParams read(WireReader r) throws TlsAlertException {
    int curveType = r.uint8("ECCurveType");
    if (curveType != NAMED_CURVE) {
      // RFC 8422 §5.4 deprecates explicit_prime(1) and explicit_char2(2) and §5.1.1 leaves only
      // named curves: the field is well-formed but its value is unacceptable, which RFC 5246
      // §7.2.2 calls illegal_parameter ("a field in the handshake was out of range").
      throw r.error(AlertDescription.ILLEGAL_PARAMETER,
          "ECCurveType " + curveType + " unsupported, only named_curve(3)");
    }
    int group = r.uint16("NamedGroup");
    return new ServerEcdhParams(group, readPoint(r));
  }

  /** RFC 8422 §5.4/§5.7 {@code opaque point<1..2^8-1>}: an empty point is a decode_error. */
  static Bytes readPoint(WireReader r) throws TlsAlertException {
    return r.opaque8("ECPoint", 1, 0xff);
  }

  static void checkPoint(Bytes point) {
    if (point == null || point.isEmpty() || point.length() > 0xff) {
      throw new IllegalArgumentException("ECPoint needs 1..255 bytes");
    }
  }

  public Optional<NamedGroup> knownGroup() {
    return NamedGroup.fromCode(namedGroup);
  }

  @Override
  public void write(WireWriter w) {
    w.uint8(NAMED_CURVE).uint16(namedGroup).opaque8(point);
  }

  @Override
  public String describe() {
    String group = knownGroup().map(NamedGroup::rfcName).orElse(String.format("0x%04x", namedGroup));
    return "ecdh group=" + group + " point=" + point.length() + "B";
  }
}
