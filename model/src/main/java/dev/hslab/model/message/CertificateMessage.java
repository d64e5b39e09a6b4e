package dev.hslab.model.message;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificate (RFC 5246 §7.4.2, §7.4.6): {@code ASN.1Cert certificate_list<0..2^24-1>}, each
 * {@code opaque ASN.1Cert<1..2^24-1>} kept as DER bytes, sender's certificate first. An empty list
 * is how a TLS client without a suitable certificate answers a CertificateRequest (§7.4.6).
 * Parsing the DER is the certificate checker's job, not the codec's.
 */
public record CertificateMessage(List<Bytes> certificates) implements HandshakeMessage {

  public CertificateMessage {
    certificates = List.copyOf(certificates);
    for (Bytes c : certificates) {
      if (c.isEmpty() || c.length() > 0xffffff) {
        throw new IllegalArgumentException("ASN.1Cert must be 1..2^24-1 bytes, got " + c.length());
      }
    }
  }

  public static CertificateMessage decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    WireReader list = body.vector24("certificate_list", 0, 0xffffff);
    body.expectEnd("Certificate");
    List<Bytes> certs = new ArrayList<>();
    while (list.hasRemaining()) {
      certs.add(list.opaque24("ASN.1Cert", 1, 0xffffff));
    }
    return new CertificateMessage(certs);
  }

  public boolean isEmpty() {
    return certificates.isEmpty();
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.CERTIFICATE;
  }

  @Override
  public void encodeBody(WireWriter w) {
    int mark = w.begin(3);
    for (Bytes c : certificates) {
      w.opaque24(c);
    }
    w.end(mark);
  }

  @Override
  public String describe() {
    // Sizes only: the DER is long and its meaning belongs to the certificate checker's trace.
    return "Certificate der_lengths=" + certificates.stream().map(Bytes::length).toList();
  }
}
