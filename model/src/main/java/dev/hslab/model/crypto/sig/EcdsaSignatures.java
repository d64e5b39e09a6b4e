package dev.hslab.model.crypto.sig;

import dev.hslab.model.crypto.JdkDigest;
import dev.hslab.model.wire.TlsAlertException;
import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ECDSA over a precomputed hash with DER-encoded Ecdsa-Sig-Value (RFC 8422 §5.4, RFC 4492 §5.4).
 * The nonce k is deterministic (RFC 6979, HMAC with the signature's own hash): the same key and
 * transcript give the same bytes, so seeded traces reproduce, and no randomness can leak the key.
 */
final class EcdsaSignatures {

  private EcdsaSignatures() {}

  static byte[] sign(ECPrivateKeyParameters key, String hashName, byte[] hash) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(JdkDigest.of(hashName)));
    signer.init(true, key);
    BigInteger[] rs = signer.generateSignature(hash);
    return new EcdsaSigValue(rs[0], rs[1]).encoded();
  }

  static void verify(ECPublicKeyParameters key, byte[] hash, byte[] signature)
      throws TlsAlertException {
    EcdsaSigValue rs;
    try {
      rs = EcdsaSigValue.decode(signature, key.getParameters().getN());
    } catch (IllegalArgumentException e) {
      throw RsaSignatures.bad("ECDSA signature is not a DER Ecdsa-Sig-Value: " + e.getMessage());
    }
    if (!rs.verifies(key, hash)) {
      throw RsaSignatures.bad("ECDSA signature does not verify");
    }
  }
}
