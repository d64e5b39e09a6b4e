package dev.hslab.model.message.extension;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/** extended_master_secret (RFC 7627 §5.1): "The extension_data field of this extension is empty." */
public record ExtendedMasterSecretExtension() implements Extension {

  public static final ExtendedMasterSecretExtension INSTANCE = new ExtendedMasterSecretExtension();

  public static ExtendedMasterSecretExtension decode(WireReader data) throws TlsAlertException {
    if (data.hasRemaining()) {
      throw data.error(AlertDescription.DECODE_ERROR,
          "extended_master_secret: extension_data must be empty, has " + data.remaining() + " bytes");
    }
    return INSTANCE;
  }

  @Override
  public int typeCode() {
    return ExtensionType.EXTENDED_MASTER_SECRET.code();
  }

  @Override
  public void encodeData(WireWriter w) {
    // RFC 7627 §5.1: nothing to write.
  }

  @Override
  public String describe() {
    return "extended_master_secret";
  }
}
