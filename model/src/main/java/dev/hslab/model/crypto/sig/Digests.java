package dev.hslab.model.crypto.sig;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import dev.hslab.model.crypto.JdkDigest;
import org.bouncycastle.crypto.Digest;

/** The hashes the signature schemes use, by the JCA name {@code SignatureScheme.hash()} gives. */
final class Digests {

  private Digests() {}

  static Digest create(String name) {
    return JdkDigest.of(name);
  }

  /** RFC 8017 §9.2 note 1: the DigestInfo algorithm identifiers. */
  static ASN1ObjectIdentifier oid(String name) {
    return switch (name) {
      case "SHA-1" -> OIWObjectIdentifiers.idSHA1;
      case "SHA-256" -> NISTObjectIdentifiers.id_sha256;
      case "SHA-384" -> NISTObjectIdentifiers.id_sha384;
      default -> throw new IllegalArgumentException("no digest " + name);
    };
  }

  static byte[] hash(String name, byte[] message) {
    Digest d = create(name);
    d.update(message, 0, message.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }
}
