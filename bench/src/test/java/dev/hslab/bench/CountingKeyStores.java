package dev.hslab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.Date;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A security provider whose PKCS12 key stores are the JDK's, counting every access: private-key
 * reads (each a PBKDF2 key derivation and a decryption of the key in a PKCS12 store) and all
 * calls. Installed first in the provider list by a test, so every {@code KeyStore.getInstance("PKCS12")}
 * of the code under test (a key manager's store, a trust store) gets one.
 */
final class CountingKeyStores extends Provider {

  static final AtomicLong KEY_READS = new AtomicLong();
  static final AtomicLong CALLS = new AtomicLong();

  CountingKeyStores() {
    super("HslabCountingKeyStores", "1.0", "PKCS12 key stores that count their accesses (tests)");
    putService(new Service(this, "KeyStore", "PKCS12", Spi.class.getName(), null, null) {
      @Override
      public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
        try {
          return new Spi(KeyStore.getInstance("PKCS12", "SUN"));
        } catch (java.security.NoSuchProviderException | KeyStoreException e) {
          throw new NoSuchAlgorithmException("the JDK's PKCS12 key store", e);
        }
      }
    });
  }

  /** Delegates to a JDK key store, counting. */
  static final class Spi extends KeyStoreSpi {
    private final KeyStore d;

    Spi(KeyStore delegate) {
      this.d = delegate;
    }

    private KeyStore d() {
      CALLS.incrementAndGet();
      return d;
    }

    @Override
    public Key engineGetKey(String alias, char[] password) throws NoSuchAlgorithmException, UnrecoverableKeyException {
      KEY_READS.incrementAndGet();
      try {
        return d().getKey(alias, password);
      } catch (KeyStoreException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Certificate[] engineGetCertificateChain(String alias) {
      return call(() -> d().getCertificateChain(alias));
    }

    @Override
    public Certificate engineGetCertificate(String alias) {
      return call(() -> d().getCertificate(alias));
    }

    @Override
    public Date engineGetCreationDate(String alias) {
      return call(() -> d().getCreationDate(alias));
    }

    @Override
    public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain) throws KeyStoreException {
      d().setKeyEntry(alias, key, password, chain);
    }

    @Override
    public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) throws KeyStoreException {
      d().setKeyEntry(alias, key, chain);
    }

    @Override
    public void engineSetCertificateEntry(String alias, Certificate cert) throws KeyStoreException {
      d().setCertificateEntry(alias, cert);
    }

    @Override
    public void engineDeleteEntry(String alias) throws KeyStoreException {
      d().deleteEntry(alias);
    }

    @Override
    public Enumeration<String> engineAliases() {
      return call(() -> d().aliases());
    }

    @Override
    public boolean engineContainsAlias(String alias) {
      return call(() -> d().containsAlias(alias));
    }

    @Override
    public int engineSize() {
      return call(() -> d().size());
    }

    @Override
    public boolean engineIsKeyEntry(String alias) {
      return call(() -> d().isKeyEntry(alias));
    }

    @Override
    public boolean engineIsCertificateEntry(String alias) {
      return call(() -> d().isCertificateEntry(alias));
    }

    @Override
    public String engineGetCertificateAlias(Certificate cert) {
      return call(() -> d().getCertificateAlias(cert));
    }

    @Override
    public void engineStore(OutputStream stream, char[] password) throws IOException, NoSuchAlgorithmException,
        CertificateException {
      try {
        d().store(stream, password);
      } catch (KeyStoreException e) {
        throw new IOException(e);
      }
    }

    @Override
    public void engineLoad(InputStream stream, char[] password) throws IOException, NoSuchAlgorithmException,
        CertificateException {
      d().load(stream, password);
    }

    private interface Call<T> {
      T get() throws KeyStoreException;
    }

    private static <T> T call(Call<T> c) {
      try {
        return c.get();
      } catch (KeyStoreException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
