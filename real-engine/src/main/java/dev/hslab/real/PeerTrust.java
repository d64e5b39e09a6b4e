package dev.hslab.real;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust manager of one endpoint: the provider's own PKIX trust manager over the configured
 * anchors, validating at the configured instant (so simulated runs do not depend on the clock),
 * with endpoint identification when the engine asks for it. With {@code verifyPeer=false} a
 * failed validation is remembered for the engine to report and the chain is accepted.
 */
final class PeerTrust extends X509ExtendedTrustManager {

  private final X509ExtendedTrustManager delegate;
  private final boolean verify;
  private final Map<SSLEngine, String> problems = new WeakHashMap<>();

  private PeerTrust(X509ExtendedTrustManager delegate, boolean verify) {
    this.delegate = delegate;
    this.verify = verify;
  }

  static PeerTrust create(JsseProvider provider, List<X509Certificate> anchors, java.time.Instant now, boolean verify)
      throws GeneralSecurityException {
    if (anchors.isEmpty()) {
      return new PeerTrust(null, verify);
    }
    Set<TrustAnchor> set = new HashSet<>();
    for (X509Certificate a : anchors) {
      set.add(new TrustAnchor(a, null));
    }
    PKIXBuilderParameters params = new PKIXBuilderParameters(set, new X509CertSelector());
    params.setRevocationEnabled(false);
    params.setDate(Date.from(now));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", provider.provider());
    tmf.init(new CertPathTrustManagerParameters(params));
    return new PeerTrust(from(provider, tmf).delegate, verify);
  }

  /**
   * The provider's default trust manager ({@code TrustManagerFactory.getDefaultAlgorithm()}, PKIX)
   * initialised, as its users do, with a key store holding the anchors: it validates at the
   * current time.
   */
  static PeerTrust deployed(JsseProvider provider, List<X509Certificate> anchors, boolean verify)
      throws GeneralSecurityException {
    if (anchors.isEmpty()) {
      return new PeerTrust(null, verify);
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("empty key store", e);
    }
    for (int i = 0; i < anchors.size(); i++) {
      store.setCertificateEntry("anchor-" + i, anchors.get(i));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm(), provider.provider());
    tmf.init(store);
    return new PeerTrust(from(provider, tmf).delegate, verify);
  }

  private static PeerTrust from(JsseProvider provider, TrustManagerFactory tmf) throws GeneralSecurityException {
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x) {
        return new PeerTrust(x, true);
      }
    }
    throw new GeneralSecurityException(provider.engineName() + ": no X509ExtendedTrustManager from its "
        + tmf.getAlgorithm() + " factory");
  }

  /** The validation failure accepted for {@code engine} (verifyPeer=false), consumed on read. */
  synchronized Optional<String> takeProblem(SSLEngine engine) {
    return Optional.ofNullable(problems.remove(engine));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    try {
      requireDelegate().checkClientTrusted(chain, authType, engine);
    } catch (CertificateException e) {
      tolerate(engine, e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    try {
      requireDelegate().checkServerTrusted(chain, authType, engine);
    } catch (CertificateException e) {
      tolerate(engine, e);
    }
  }

  private X509ExtendedTrustManager requireDelegate() throws CertificateException {
    if (delegate == null) {
      throw new CertificateException("no trust anchors configured");
    }
    return delegate;
  }

  private void tolerate(SSLEngine engine, CertificateException e) throws CertificateException {
    if (verify) {
      throw e;
    }
    synchronized (this) {
      problems.put(engine, e.getMessage());
    }
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
  }

  // The engine never uses sockets; these overloads exist for the interface and refuse to guess.

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("socket-based validation is not used by the in-memory engine");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("socket-based validation is not used by the in-memory engine");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("validation without an engine is not used by the in-memory engine");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("validation without an engine is not used by the in-memory engine");
  }
}
