package dev.hslab.model.pki;

import static dev.hslab.model.wire.AlertDescription.BAD_CERTIFICATE;
import static dev.hslab.model.wire.AlertDescription.CERTIFICATE_EXPIRED;
import static dev.hslab.model.wire.AlertDescription.HANDSHAKE_FAILURE;
import static dev.hslab.model.wire.AlertDescription.UNKNOWN_CA;

import dev.hslab.model.crypto.sig.PublicKeys;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Validates a peer's certificate chain (leaf first, as in a Certificate message, RFC 5246
 * §7.4.2) against trust anchors at a given instant: a simplified RFC 5280 §6 path validation
 * plus the TLS checks on the leaf (RFC 5246 §7.4.2, §7.4.6) and the host name (RFC 6125 §6).
 * Every refusal is a {@link TlsAlertException} naming the alert (RFC 5246 §7.2.2), the certificate
 * (position and subject) and the reason.
 *
 * <p>A trust anchor is its subject name and key (RFC 5280 §6.1.1 d): the anchor's own validity
 * and extensions are not checked, and the path ends at the first certificate it signed, so a
 * chain may include or omit the root (RFC 5246 §7.4.2). Not covered: revocation, name and policy
 * constraints (a critical one is refused as unrecognized), self-issued intermediates not counted
 * for pathLen.
 *
 * <p>A validator is a trust store: make it once and share it between connections and threads, as
 * a TLS stack shares its trust manager. It decodes each anchor's key once and keeps the decoded
 * keys of the last {@value IssuerKeys#CAPACITY} intermediates it met, and those certificates as
 * parsed (both by the certificates' exact bytes), so BouncyCastle's per-point precomputation for
 * signature checks builds up for the keys every chain shares. Signatures, validity and the
 * issuers' constraints are still checked on every chain; no verdict is cached. Two validators
 * are equal when they trust the same certificates.
 */
public final class ChainValidator {

  private record Anchor(X500Name subject, AsymmetricKeyParameter key, Bytes der) {}

  private final List<X509Certificate> trustAnchors;
  private final List<Anchor> anchors;
  private final IssuerKeys intermediateKeys = new IssuerKeys();
  /** Issuing certificates as parsed, by position and exact DER (the position names them in alerts). */
  private final Lru<Positioned, ParsedCert> issuers = new Lru<>(IssuerKeys.CAPACITY);

  private record Positioned(int index, Bytes der) {}

  public ChainValidator(List<X509Certificate> trustAnchors) {
    this.trustAnchors = List.copyOf(trustAnchors);
    List<Anchor> list = new ArrayList<>();
    for (X509Certificate c : this.trustAnchors) {
      AsymmetricKeyParameter key;
      try {
        key = PublicKeys.decode(c.getPublicKey().getEncoded());
      } catch (IOException | RuntimeException e) {
        key = null; // a key we cannot read certifies nothing: chains up to it end in unknown_ca
      }
      list.add(new Anchor(X500Name.getInstance(c.getSubjectX500Principal().getEncoded()), key, Jca.encoded(c)));
    }
    this.anchors = List.copyOf(list);
  }

  /** The trusted certificates, as given. */
  public List<X509Certificate> trustAnchors() {
    return trustAnchors;
  }

  public ValidatedChain validate(List<Bytes> chain, PeerRole role, Instant now) throws TlsAlertException {
    if (chain.isEmpty()) {
      // RFC 5246 §7.4.6: a server that requires a client certificate answers an empty one with
      // handshake_failure; a server must always send one (§7.4.2), the same failure.
      throw new TlsAlertException(HANDSHAKE_FAILURE, "empty certificate chain");
    }
    List<ParsedCert> certs = new ArrayList<>(chain.size());
    for (int i = 0; i < chain.size(); i++) {
      certs.add(i == 0 ? ParsedCert.parse(chain.get(0), 0) : issuer(chain.get(i), i));
    }
    List<Bytes> path = new ArrayList<>();
    Anchor anchor = null;
    for (int i = 0; anchor == null; i++) {
      ParsedCert c = certs.get(i);
      path.add(c.der());
      checkValidity(c, now);
      if (i > 0) {
        checkIssuer(c, i - 1);
      }
      anchor = anchorThatIssued(c);
      if (anchor != null) {
        break;
      }
      if (i + 1 == certs.size()) {
        // RFC 5246 §7.2.2 unknown_ca: "the CA certificate could not be located or couldn't be
        // matched with a known, trusted CA".
        throw new TlsAlertException(UNKNOWN_CA, c.name() + ": issuer " + c.issuer() + " is not a trusted CA");
      }
      ParsedCert next = certs.get(i + 1);
      if (!next.subject().equals(c.issuer())) {
        // RFC 5246 §7.4.2: "Each following certificate MUST directly certify the one preceding it."
        throw new TlsAlertException(BAD_CERTIFICATE, c.name() + ": issuer " + c.issuer()
            + " is not the next certificate's subject " + next.subject());
      }
      CertSignatures.verify(c, intermediateKeys.of(next, c.name()), c.name());
    }
    ParsedCert leaf = certs.get(0);
    LeafChecks.check(leaf, role);
    KeyUsage ku = leaf.keyUsage();
    try {
      return new ValidatedChain(path, anchor.der(),
          Bytes.wrap(leaf.cert().getSubjectPublicKeyInfo().getEncoded()), leaf.subject().toString(),
          ku == null || ku.hasUsages(KeyUsage.digitalSignature),
          ku == null || ku.hasUsages(KeyUsage.keyEncipherment));
    } catch (java.io.IOException e) {
      throw new TlsAlertException(BAD_CERTIFICATE, leaf.name() + ": public key unencodable", e);
    }
  }

  /**
   * Certificate {@code index} (above the leaf) parsed, or as parsed before: the intermediates of a
   * CA's chains are the same bytes for every peer, and parsing (BouncyCastle's ASN.1, the DER
   * check, names, extensions) is a pure function of them. Only what parsed is kept; its validity,
   * its issuer's checks and its signature are checked on every chain as before.
   */
  private ParsedCert issuer(Bytes der, int index) throws TlsAlertException {
    Positioned key = new Positioned(index, der);
    ParsedCert c = issuers.get(key);
    return c != null ? c : issuers.putIfAbsent(key, ParsedCert.parse(der, index));
  }

  private static void checkValidity(ParsedCert c, Instant now) throws TlsAlertException {
    // RFC 5280 §4.1.2.5: valid from notBefore through notAfter, both inclusive. RFC 5246 §7.2.2
    // certificate_expired: "A certificate has expired or is not currently valid."
    if (now.isBefore(c.notBefore())) {
      throw new TlsAlertException(CERTIFICATE_EXPIRED, c.name() + ": not valid before " + c.notBefore());
    }
    if (now.isAfter(c.notAfter())) {
      throw new TlsAlertException(CERTIFICATE_EXPIRED, c.name() + ": expired at " + c.notAfter());
    }
  }

  /** {@code issuer} certified {@code below} certificates that are intermediates (not the leaf). */
  private static void checkIssuer(ParsedCert issuer, int intermediatesBelow) throws TlsAlertException {
    // RFC 5280 §6.1.4 (k): an issuer must assert cA in basicConstraints; RFC 5246 §7.2.2
    // bad_certificate covers a corrupt chain.
    if (issuer.basicConstraints() == null || !issuer.basicConstraints().isCA()) {
      throw new TlsAlertException(BAD_CERTIFICATE, issuer.name() + ": issues certificates but is not a CA");
    }
    // RFC 5280 §6.1.4 (n): keyUsage, when present, must have keyCertSign.
    if (issuer.keyUsage() != null && !issuer.keyUsage().hasUsages(KeyUsage.keyCertSign)) {
      throw new TlsAlertException(BAD_CERTIFICATE, issuer.name() + ": keyUsage lacks keyCertSign");
    }
    // RFC 5280 §4.2.1.9: pathLenConstraint bounds the intermediates that may follow it.
    var pathLen = issuer.basicConstraints().getPathLenConstraint();
    if (pathLen != null && intermediatesBelow > pathLen.intValue()) {
      throw new TlsAlertException(BAD_CERTIFICATE, issuer.name() + ": pathLen " + pathLen
          + " exceeded by " + intermediatesBelow + " intermediate(s) below it");
    }
  }

  private Anchor anchorThatIssued(ParsedCert c) {
    for (Anchor a : anchors) {
      if (a.key() != null && a.subject().equals(c.issuer())) {
        try {
          CertSignatures.verify(c, a.key(), c.name());
          return a;
        } catch (TlsAlertException e) {
          // Same name, other key: keep looking; none left means unknown_ca.
        }
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChainValidator v && v.anchors.stream().map(Anchor::der).toList()
        .equals(anchors.stream().map(Anchor::der).toList());
  }

  @Override
  public int hashCode() {
    return anchors.stream().map(Anchor::der).toList().hashCode();
  }

  @Override
  public String toString() {
    return "ChainValidator" + anchors.stream().map(a -> a.subject().toString()).toList();
  }
}
