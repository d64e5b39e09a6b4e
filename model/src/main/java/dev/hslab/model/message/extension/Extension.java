package dev.hslab.model.message.extension;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.WireWriter;

/**
 * One hello extension (RFC 5246 §7.4.1.4): {@code ExtensionType extension_type; opaque
 * extension_data<0..2^16-1>}. Each implementation encodes only its {@code extension_data}; the
 * type and length framing, decoding dispatch and the list live in {@link Extensions}.
 */
public sealed interface Extension
    permits ServerNameExtension, SupportedGroupsExtension, EcPointFormatsExtension,
        SignatureAlgorithmsExtension, ExtendedMasterSecretExtension, SessionTicketExtension,
        RenegotiationInfoExtension, UnknownExtension {

  /** The two-byte extension_type on the wire. */
  int typeCode();

  /** Writes {@code extension_data}, without type and length. */
  void encodeData(WireWriter w);

  /** A stable short description for traces, e.g. {@code server_name(localhost)}. */
  String describe();

  default Bytes data() {
    WireWriter w = new WireWriter();
    encodeData(w);
    return w.toBytes();
  }
}
