package dev.hslab.model.message;

import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * RFC 5246 §7.4.8 CertificateVerify: one {@code digitally-signed} over the handshake messages so
 * far. TLS 1.2 names the SignatureAndHashAlgorithm; TLS 1.0/1.1 (RFC 4346 §7.4.8) and SSL 3.0
 * (RFC 6101 §5.6.8) carry only the opaque signature.
 */
public record CertificateVerify(DigitallySigned signature) implements HandshakeMessage {

  public CertificateVerify {
    if (signature == null) {
      throw new IllegalArgumentException("signature required");
    }
  }

  public static CertificateVerify decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    DigitallySigned signature = DigitallySigned.read(body, ctx.version());
    body.expectEnd("CertificateVerify");
    return new CertificateVerify(signature);
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.CERTIFICATE_VERIFY;
  }

  @Override
  public void encodeBody(WireWriter w) {
    signature.write(w);
  }

  @Override
  public String describe() {
    return "CertificateVerify " + signature.describe();
  }
}
