package dev.hslab.model.pki;

import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.operator.ContentSigner;

/** Adapts a lightweight {@link Signer} to the {@link ContentSigner} the builders want. */
final class LightweightContentSigner implements ContentSigner {
  private final AlgorithmIdentifier id;
  private final Signer signer;
  private final OutputStream out;

  LightweightContentSigner(AlgorithmIdentifier id, Signer signer) {
    this.id = id;
    this.signer = signer;
    this.out = new OutputStream() {
      @Override
      public void write(int b) {
        signer.update((byte) b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        signer.update(b, off, len);
      }
    };
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return id;
  }

  @Override
  public OutputStream getOutputStream() {
    return out;
  }

  @Override
  public byte[] getSignature() {
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }
}
