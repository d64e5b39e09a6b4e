package dev.hslab.model.pki;

import static dev.hslab.model.wire.AlertDescription.CERTIFICATE_UNKNOWN;
import static dev.hslab.model.wire.AlertDescription.UNSUPPORTED_CERTIFICATE;

import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/** The checks on a leaf for its TLS role: key purposes (RFC 5280 §4.2.1.3, §4.2.1.12) and name. */
final class LeafChecks {

  private LeafChecks() {}

  static void check(ParsedCert leaf, PeerRole role) throws TlsAlertException {
    boolean server = role instanceof PeerRole.Server;
    KeyPurposeId purpose = server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth;
    // RFC 5280 §4.2.1.12: with extendedKeyUsage present, the key is for the listed purposes only.
    var eku = leaf.extendedKeyUsage();
    if (eku != null && !eku.hasKeyPurposeId(purpose) && !eku.hasKeyPurposeId(KeyPurposeId.anyExtendedKeyUsage)) {
      // RFC 5246 §7.2.2 unsupported_certificate: "a certificate was of an unsupported type".
      throw new TlsAlertException(UNSUPPORTED_CERTIFICATE, leaf.name() + ": extendedKeyUsage lacks "
          + (server ? "serverAuth" : "clientAuth"));
    }
    // A server key signs ((EC)DHE) or enciphers (RSA key exchange); a client key signs its
    // CertificateVerify (RFC 5246 §7.4.8). ValidatedChain.requireUsableFor refines the server case.
    int usable = server ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
    var ku = leaf.keyUsage();
    if (ku != null && !hasAny(ku, usable)) {
      throw new TlsAlertException(UNSUPPORTED_CERTIFICATE, leaf.name() + ": keyUsage allows neither "
          + (server ? "digitalSignature nor keyEncipherment" : "digitalSignature"));
    }
    if (role instanceof PeerRole.Server s && s.hostName().isPresent()) {
      checkHostName(leaf, s.hostName().get());
    }
  }

  private static boolean hasAny(KeyUsage ku, int usages) {
    return (usages & KeyUsage.digitalSignature) != 0 && ku.hasUsages(KeyUsage.digitalSignature)
        || (usages & KeyUsage.keyEncipherment) != 0 && ku.hasUsages(KeyUsage.keyEncipherment);
  }

  private static void checkHostName(ParsedCert leaf, String host) throws TlsAlertException {
    GeneralName[] names = leaf.subjectAltNames() == null ? new GeneralName[0] : leaf.subjectAltNames().getNames();
    Optional<byte[]> ip = HostNames.ipAddress(host);
    if (ip.isPresent()) {
      checkIpAddress(leaf, host, ip.get(), names);
      return;
    }
    List<String> dnsIds = new ArrayList<>();
    for (GeneralName n : names) {
      if (n.getTagNo() == GeneralName.dNSName) {
        dnsIds.add(n.getName().toString());
      }
    }
    for (String id : dnsIds) {
      if (HostNames.matches(host, id)) {
        return;
      }
    }
    // RFC 6125 §6.4.4 lets clients fall back to the CN only without DNS-IDs; RFC 9525 §6.3 drops
    // CN-IDs altogether, and so do we. RFC 5246 names no alert for a name mismatch: §7.2.2
    // certificate_unknown, "some other (unspecified) issue ... rendering it unacceptable", is
    // the one that fits.
    throw new TlsAlertException(CERTIFICATE_UNKNOWN, leaf.name() + ": host name " + host
        + " matches none of its subjectAltName dNSNames " + dnsIds);
  }

  /**
   * RFC 6125 §6.4 (RFC 9525 §6.3) and RFC 5280 §4.2.1.6: an IP address reference identity is
   * compared byte for byte with the iPAddress entries (4 octets for IPv4, 16 for IPv6), never
   * with a dNSName, even one spelling the same address.
   */
  private static void checkIpAddress(ParsedCert leaf, String host, byte[] ip, GeneralName[] names)
      throws TlsAlertException {
    List<String> ipIds = new ArrayList<>();
    for (GeneralName n : names) {
      if (n.getTagNo() == GeneralName.iPAddress) {
        byte[] id = ASN1OctetString.getInstance(n.getName()).getOctets();
        if (Arrays.equals(ip, id)) {
          return;
        }
        ipIds.add(HostNames.ipText(id));
      }
    }
    throw new TlsAlertException(CERTIFICATE_UNKNOWN, leaf.name() + ": IP address " + host
        + " matches none of its subjectAltName iPAddresses " + ipIds);
  }
}
