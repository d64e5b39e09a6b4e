package dev.hslab.model.message.extension;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * renegotiation_info (RFC 5746 §3.2): {@code opaque renegotiated_connection<0..255>}. Empty on an
 * initial handshake; client_verify_data (ClientHello) or client_verify_data + server_verify_data
 * (ServerHello) when renegotiating. Checking those values is the engine's job (RFC 5746 §3.4–3.7).
 */
public record RenegotiationInfoExtension(Bytes renegotiatedConnection) implements Extension {

  public static final RenegotiationInfoExtension INITIAL = new RenegotiationInfoExtension(Bytes.EMPTY);

  public RenegotiationInfoExtension {
    if (renegotiatedConnection.length() > 255) {
      throw new IllegalArgumentException("renegotiated_connection longer than 255");
    }
  }

  public static RenegotiationInfoExtension decode(WireReader data) throws TlsAlertException {
    Bytes connection = data.opaque8("renegotiated_connection", 0, 255);
    data.expectEnd("renegotiation_info");
    return new RenegotiationInfoExtension(connection);
  }

  @Override
  public int typeCode() {
    return ExtensionType.RENEGOTIATION_INFO.code();
  }

  @Override
  public void encodeData(WireWriter w) {
    w.opaque8(renegotiatedConnection);
  }

  @Override
  public String describe() {
    return "renegotiation_info(" + renegotiatedConnection.hex() + ")";
  }
}
