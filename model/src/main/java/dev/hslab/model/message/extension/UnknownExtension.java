package dev.hslab.model.message.extension;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.WireWriter;

/**
 * Any extension this model does not interpret (RFC 5246 §7.4.1.4: a server ignores extensions it
 * does not recognize), kept as type and raw data so it round-trips exactly. The codes of {@link
 * ExtensionType} are refused, so that decode(encode(e)) is always e.
 */
public record UnknownExtension(int typeCode, Bytes data) implements Extension {

  public UnknownExtension {
    if (typeCode < 0 || typeCode > 0xffff || ExtensionType.fromCode(typeCode).isPresent()) {
      throw new IllegalArgumentException("not an unknown extension type: " + typeCode);
    }
    if (data.length() > 0xffff) {
      throw new IllegalArgumentException("extension_data longer than 2^16-1");
    }
  }

  @Override
  public void encodeData(WireWriter w) {
    w.bytes(data);
  }

  @Override
  public String describe() {
    return ExtensionType.nameOf(typeCode) + "(" + data.length() + " bytes)";
  }
}
