package dev.hslab.model.pki;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * One certificate of a peer's chain, parsed strictly, with the extensions the validator reads.
 * {@code name} identifies it in alert messages: its position in the chain and its subject.
 */
record ParsedCert(Certificate cert, Bytes der, String name, Instant notBefore, Instant notAfter,
    BasicConstraints basicConstraints,
    KeyUsage keyUsage, ExtendedKeyUsage extendedKeyUsage, GeneralNames subjectAltNames) {

  /** RFC 5280 §4.2: a certificate with a critical extension we do not process must be refused. */
  private static final Set<ASN1ObjectIdentifier> UNDERSTOOD = Set.of(
      Extension.basicConstraints, Extension.keyUsage, Extension.extendedKeyUsage,
      Extension.subjectAlternativeName, Extension.subjectKeyIdentifier,
      Extension.authorityKeyIdentifier);

  static ParsedCert parse(Bytes der, int index) throws TlsAlertException {
    String where = "certificate " + index;
    Certificate c;
    String name;
    try {
      // fromByteArray bounds every length by the input and refuses trailing bytes.
      ASN1Primitive p = ASN1Primitive.fromByteArray(der.toByteArray());
      if (p == null) {
        throw new IOException("empty");
      }
      c = Certificate.getInstance(p);
      // Names parse lazily: render both now, so a corrupt RDN fails here and not in a later
      // comparison.
      name = where + " (" + c.getSubject() + ")";
      c.getIssuer().toString();
    } catch (IOException | RuntimeException e) {
      // RFC 5246 §7.2.2 bad_certificate: "A certificate was corrupt". The Certificate message
      // itself decoded (its lengths were right), so this is not decode_error.
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, where + ": not an X.509 certificate", e);
    }
    try {
      // RFC 5280 §4.1: certificates are DER. Requiring it also makes the re-encoded
      // TBSCertificate exactly the signed bytes.
      if (!Bytes.wrap(c.getEncoded(ASN1Encoding.DER)).equals(der)) {
        throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, name + ": not DER-encoded");
      }
      // RFC 5280 §4.1.1.2: signatureAlgorithm MUST equal the TBSCertificate's signature field.
      if (!c.getSignatureAlgorithm().equals(c.getTBSCertificate().getSignature())) {
        throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
            name + ": signatureAlgorithm differs from tbsCertificate.signature");
      }
      Instant notBefore = c.getStartDate().getDate().toInstant();
      Instant notAfter = c.getEndDate().getDate().toInstant();
      Extensions ext = c.getTBSCertificate().getExtensions();
      if (ext == null) {
        return new ParsedCert(c, der, name, notBefore, notAfter, null, null, null, null);
      }
      for (ASN1ObjectIdentifier oid : ext.getCriticalExtensionOIDs()) {
        if (!UNDERSTOOD.contains(oid)) {
          // RFC 5246 §7.2.2 unsupported_certificate: "a certificate was of an unsupported type".
          throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
              name + ": unrecognized critical extension " + oid.getId());
        }
      }
      return new ParsedCert(c, der, name, notBefore, notAfter, BasicConstraints.fromExtensions(ext),
          KeyUsage.fromExtensions(ext), ExtendedKeyUsage.fromExtensions(ext),
          GeneralNames.fromExtensions(ext, Extension.subjectAlternativeName));
    } catch (IOException | RuntimeException e) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, name + ": malformed validity or extension", e);
    }
  }

  X500Name subject() {
    return cert.getSubject();
  }

  X500Name issuer() {
    return cert.getIssuer();
  }
}
