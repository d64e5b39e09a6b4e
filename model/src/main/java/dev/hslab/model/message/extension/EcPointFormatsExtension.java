package dev.hslab.model.message.extension;

import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.List;

/**
 * ec_point_formats (RFC 8422 §5.1.2): {@code ECPointFormat ec_point_format_list<1..2^8-1>}, raw
 * uint8 codes. Whether uncompressed(0) is present is a negotiation check (RFC 8422 §5.1.2 asks
 * for illegal_parameter), left to the engine; see {@link #containsUncompressed()}.
 */
public record EcPointFormatsExtension(List<Integer> formats) implements Extension {

  public static final int UNCOMPRESSED = 0;

  public EcPointFormatsExtension {
    formats = UintLists.checked(formats, 0xff, 1, 0xff, "ec_point_formats");
  }

  public static EcPointFormatsExtension uncompressedOnly() {
    return new EcPointFormatsExtension(List.of(UNCOMPRESSED));
  }

  public static EcPointFormatsExtension decode(WireReader data) throws TlsAlertException {
    WireReader list = data.vector8("ec_point_format_list", 1, 0xff);
    data.expectEnd("ec_point_formats");
    return new EcPointFormatsExtension(UintLists.readUint8s(list, "ec_point_format_list"));
  }

  public boolean containsUncompressed() {
    return formats.contains(UNCOMPRESSED);
  }

  @Override
  public int typeCode() {
    return ExtensionType.EC_POINT_FORMATS.code();
  }

  @Override
  public void encodeData(WireWriter w) {
    w.uint8(formats.size());
    formats.forEach(w::uint8);
  }

  @Override
  public String describe() {
    return "ec_point_formats(" + UintLists.describe(formats, Integer::toString) + ")";
  }
}
