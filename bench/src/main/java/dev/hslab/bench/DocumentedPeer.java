package dev.hslab.bench;

import dev.hslab.model.pki.Identity;
import dev.hslab.real.JsseProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A SunJSSE or BCJSSE endpoint set up the documented way, with the JDK's API only and none of the
 * project's code: a key store holding the identity, loaded once into the provider's in-memory key
 * manager ({@code SunX509}, the JDK's default {@code ssl.KeyManagerFactory.algorithm}; BCJSSE's
 * {@code X.509}), the provider's default trust manager over a key store of the root, the platform's
 * randomness; engines with the protocol, the suite, and on the client SNI and HTTPS endpoint
 * identification, on the server the required client certificate. The reference the benchmark's
 * peers ({@code JsseEngineFactory.SetUp.AS_DEPLOYED}) are checked against: rows with baseline
 * {@code jsse-bare} and {@code bcjsse-bare}, and {@code PeerSetUpCheckTest}. The algorithm names are
 * written here again, on purpose: the reference does not follow the code it checks.
 */
final class DocumentedPeer {

  private static final char[] PASSWORD = "bench".toCharArray();

  private final SSLContext context;
  private final boolean client;
  private final String suite;
  private final boolean needClientAuth;

  /**
   * @param identity the certificate chain and key presented (null: none)
   */
  DocumentedPeer(JsseProvider provider, boolean client, Suite suite, Identity identity, X509Certificate root)
      throws GeneralSecurityException, IOException {
    this.client = client;
    this.suite = suite.ianaName();
    this.needClientAuth = !client && suite.clientAuth();
    KeyManager[] keys = null;
    if (identity != null) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("identity", identity.privateKey(), PASSWORD, identity.chain().toArray(Certificate[]::new));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(provider == JsseProvider.JSSE ? "SunX509" : "X.509",
          provider.provider());
      kmf.init(ks, PASSWORD);
      keys = kmf.getKeyManagers();
    }
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    anchors.setCertificateEntry("root", root);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm(), provider.provider());
    tmf.init(anchors);
    context = SSLContext.getInstance("TLS", provider.provider());
    context.init(keys, tmf.getTrustManagers(), null);
  }

  /** A new engine for one connection (a client to an unnamed peer: it never offers to resume). */
  SSLEngine newEngine() {
    SSLEngine e = context.createSSLEngine();
    e.setUseClientMode(client);
    SSLParameters p = e.getSSLParameters();
    p.setProtocols(new String[] {"TLSv1.2"});
    p.setCipherSuites(new String[] {suite});
    if (client) {
      p.setServerNames(List.of(new SNIHostName(Identities.SERVER_NAME)));
      p.setEndpointIdentificationAlgorithm("HTTPS");
    } else {
      p.setUseCipherSuitesOrder(true);
      p.setNeedClientAuth(needClientAuth);
    }
    e.setSSLParameters(p);
    return e;
  }
}
