package dev.hslab.model.pki;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.StrictDer;
import dev.hslab.model.wire.TlsAlertException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.Time;

/**
 * One certificate of a peer's chain, parsed strictly, with the extensions the validator reads.
 * {@code name} identifies it in alert messages: its position in the chain and its subject.
 */
record ParsedCert(Certificate cert, Bytes der, Bytes tbs, String name, Instant notBefore, Instant notAfter,
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
    byte[] bytes = der.toByteArray();
    // RFC 5280 §4.1: certificates are DER. Requiring it also makes the TBSCertificate as received
    // exactly the signed bytes. A DER certificate is built into BouncyCastle's objects by DerTree;
    // anything else goes to BouncyCastle's parser, only to tell a corrupt certificate (refused
    // first) from one that is merely not DER.
    String notDer = StrictDer.problem(bytes);
    try {
      // fromByteArray bounds every length by the input and refuses trailing bytes.
      ASN1Primitive p = notDer == null ? DerTree.parse(bytes) : ASN1Primitive.fromByteArray(bytes);
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
      if (notDer != null) {
        throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, name + ": not DER-encoded (" + notDer + ")");
      }
      // RFC 5280 §4.1.1.2: signatureAlgorithm MUST equal the TBSCertificate's signature field.
      if (!c.getSignatureAlgorithm().equals(c.getTBSCertificate().getSignature())) {
        throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
            name + ": signatureAlgorithm differs from tbsCertificate.signature");
      }
      Instant notBefore = instant(c.getStartDate());
      Instant notAfter = instant(c.getEndDate());
      Extensions ext = c.getTBSCertificate().getExtensions();
      if (ext == null) {
        return new ParsedCert(c, der, tbs(der, bytes), name, notBefore, notAfter, null, null, null, null);
      }
      for (ASN1ObjectIdentifier oid : ext.getCriticalExtensionOIDs()) {
        if (!UNDERSTOOD.contains(oid)) {
          // RFC 5246 §7.2.2 unsupported_certificate: "a certificate was of an unsupported type".
          throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
              name + ": unrecognized critical extension " + oid.getId());
        }
      }
      return new ParsedCert(c, der, tbs(der, bytes), name, notBefore, notAfter, BasicConstraints.fromExtensions(ext),
          KeyUsage.fromExtensions(ext), ExtendedKeyUsage.fromExtensions(ext),
          GeneralNames.fromExtensions(ext, Extension.subjectAlternativeName));
    } catch (IOException | RuntimeException e) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, name + ": malformed validity or extension", e);
    }
  }

  /**
   * RFC 5280 §4.1.2.5: validity times are UTCTime YYMMDDHHMMSSZ (years 50–99 are 19xx) or
   * GeneralizedTime YYYYMMDDHHMMSSZ. Read directly in those forms (BouncyCastle's general parser
   * goes through SimpleDateFormat, a visible share of a handshake); any other form takes that
   * general path, as before.
   */
  static Instant instant(Time time) throws IOException {
    ASN1Primitive p = time.toASN1Primitive();
    // The characters as encoded (tag, one length octet, contents): BouncyCastle's accessors rewrite them.
    byte[] tlv = p.getEncoded(ASN1Encoding.DER);
    String s = tlv.length > 2 && tlv[1] == tlv.length - 2 ? new String(tlv, 2, tlv.length - 2, StandardCharsets.US_ASCII) : "";
    int year = -1;
    int at = 0;
    if (p instanceof ASN1UTCTime && s.length() == 13 && s.endsWith("Z")) {
      int yy = digits(s, 0, 2);
      year = yy < 0 ? -1 : yy >= 50 ? 1900 + yy : 2000 + yy;
      at = 2;
    } else if (p instanceof ASN1GeneralizedTime && s.length() == 15 && s.endsWith("Z")) {
      year = digits(s, 0, 4);
      at = 4;
    }
    if (year >= 0) {
      int month = digits(s, at, 2);
      int day = digits(s, at + 2, 2);
      int hour = digits(s, at + 4, 2);
      int minute = digits(s, at + 6, 2);
      int second = digits(s, at + 8, 2);
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23 && minute >= 0
          && minute <= 59 && second >= 0 && second <= 59) {
        try {
          return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
          // e.g. 31 February: let the general parser decide, as before
        }
      }
    }
    return time.getDate().toInstant();
  }

  /** The decimal number in {@code s[from, from + n)}, or -1 if any of it is not an ASCII digit. */
  private static int digits(String s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  /**
   * The TBSCertificate's encoding: the first element of the outer SEQUENCE (RFC 5280 §4.1). The
   * certificate was checked to be DER, so these are exactly the signed bytes, cut out of what
   * arrived instead of encoded again.
   */
  private static Bytes tbs(Bytes der, byte[] bytes) {
    int start = StrictDer.contentsStart(bytes, 0);
    return der.slice(start, StrictDer.contentsEnd(bytes, start));
  }

  X500Name subject() {
    return cert.getSubject();
  }

  X500Name issuer() {
    return cert.getIssuer();
  }
}
