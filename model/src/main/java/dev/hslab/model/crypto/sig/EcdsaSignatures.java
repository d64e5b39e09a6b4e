package dev.hslab.model.crypto.sig;

import dev.hslab.model.wire.TlsAlertException;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * ECDSA over a precomputed hash with DER-encoded Ecdsa-Sig-Value (RFC 8422 §5.4, RFC 4492 §5.4).
 * The nonce k is deterministic (RFC 6979, HMAC with the signature's own hash): the same key and
 * transcript give the same bytes, so seeded traces reproduce, and no randomness can leak the key.
 */
final class EcdsaSignatures {

  private EcdsaSignatures() {}

  static byte[] sign(ECPrivateKeyParameters key, String hashName, byte[] hash) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(Digests.create(hashName)));
    signer.init(true, key);
    BigInteger[] rs = signer.generateSignature(hash);
    try {
      return StandardDSAEncoding.INSTANCE.encode(key.getParameters().getN(), rs[0], rs[1]);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of ECDSA signature failed", e);
    }
  }

  static void verify(ECPublicKeyParameters key, byte[] hash, byte[] signature)
      throws TlsAlertException {
    BigInteger[] rs;
    try {
      // Strict DER: StandardDSAEncoding re-encodes and rejects any other form.
      rs = StandardDSAEncoding.INSTANCE.decode(key.getParameters().getN(), signature);
    } catch (IOException | RuntimeException e) {
      throw RsaSignatures.bad("ECDSA signature is not a DER Ecdsa-Sig-Value");
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, key);
    if (!verifier.verifySignature(hash, rs[0], rs[1])) {
      throw RsaSignatures.bad("ECDSA signature does not verify");
    }
  }
}
