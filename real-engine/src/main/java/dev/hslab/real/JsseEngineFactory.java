package dev.hslab.real;

import dev.hslab.model.concrete.EngineUnderTest;
import dev.hslab.model.dtls.Pmtu;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Makes {@link JsseEngine}s for one endpoint. It holds one {@link SSLContext} (keys, trust, the
 * session cache and the randomness), so a second engine from the same factory resumes: the
 * server's cache is the context's, and a client resumes by session ID (or ticket) when it
 * connects to the same peer host and port again (JSSE keys client sessions by host and port).
 *
 * <p>What the config asks that a provider cannot do is dropped and listed in {@link #dropped()}:
 * versions or suites it does not support. Not applied (the JDK 17 API has no per-engine setting):
 * groups and signature schemes (providers' defaults), {@code resume} (JSSE resumes from its own
 * cache), {@code sessionCache} (the context's cache is always on), tickets and extended master
 * secret (providers' defaults; see the report of issue #4), {@code recordMode} (JSSE packs records
 * itself), PSK.
 *
 * <p>Two set-ups ({@link SetUp}): {@link SetUp#SIMULATED}, for the tools, and
 * {@link SetUp#AS_DEPLOYED}, the peer as its users configure it, for the benchmarks.
 */
public final class JsseEngineFactory {

  /** How the factory's {@link SSLContext} holds the keys and trusts the peer. */
  public enum SetUp {
    /**
     * The tools' set-up ({@code hslab run}, {@code deviate}, conformance): each identity in an
     * in-memory PKCS12 store under the provider's "PKIX" key manager, whose alias choice weighs
     * key usage, validity and the requested server name (SunJSSE's re-reads the key from the store
     * for every handshake, a cost that one connection does not notice); the provider's PKIX trust
     * manager validating at the config's instant, so simulated runs do not depend on the clock,
     * and the config's seeded randomness.
     */
    SIMULATED,
    /**
     * The set-up of a server or client in service (bench/README.md): keys read once and held in
     * memory by the provider's in-memory key manager ({@link JsseProvider#inMemoryKeyManager()}),
     * the provider's default trust manager over a key store of the trust anchors (validating at
     * the current time), and the platform's default randomness.
     */
    AS_DEPLOYED
  }

  private final JsseProvider provider;
  private final EngineConfig config;
  private final SSLContext context;
  private final PeerTrust trust;
  private final List<String> protocols;
  private final List<CipherSuite> suites;
  private final List<String> dropped;
  /** A DTLS factory (the config's versions are DTLS ones): its engines are {@link JsseDtlsEngine}s. */
  private final boolean datagram;

  private JsseEngineFactory(JsseProvider provider, EngineConfig config, SetUp setUp) throws GeneralSecurityException {
    this.provider = provider;
    this.config = config;
    this.datagram = config.minVersion().isDtls();
    boolean deployed = setUp == SetUp.AS_DEPLOYED;
    this.trust = deployed
        ? PeerTrust.deployed(provider, config.trustAnchors(), config.verifyPeer())
        : PeerTrust.create(provider, config.trustAnchors(), config.now(), config.verifyPeer());
    this.context = SSLContext.getInstance(datagram ? "DTLS" : "TLS", provider.provider());
    context.init(keyManagers(provider, config.identities(), deployed ? provider.inMemoryKeyManager() : "PKIX"),
        new javax.net.ssl.TrustManager[] {trust}, deployed ? null : config.random().asSecureRandom());
    SSLEngine probe = context.createSSLEngine();
    Set<String> supportedProtocols = Set.of(probe.getSupportedProtocols());
    Set<String> supportedSuites = Set.of(probe.getSupportedCipherSuites());
    List<String> drop = new ArrayList<>();
    List<String> ps = new ArrayList<>();
    for (ProtocolVersion v : datagram ? dtlsVersions(config) : config.versions()) {
      if (datagram && disabledInThisJvm(v)) {
        drop.add(v.jsseName());
      } else if (supportedProtocols.contains(v.jsseName())) {
        ps.add(v.jsseName());
      } else {
        drop.add(v.jsseName());
      }
    }
    List<CipherSuite> cs = new ArrayList<>();
    for (CipherSuite s : config.cipherSuites()) {
      if (supportedSuites.contains(s.ianaName())) {
        cs.add(s);
      } else {
        drop.add(s.ianaName());
      }
    }
    this.protocols = List.copyOf(ps);
    this.suites = List.copyOf(cs);
    this.dropped = List.copyOf(drop);
  }

  /**
   * A factory for {@code provider} configured from {@code config}.
   *
   * @throws IllegalArgumentException when the provider supports none of the versions or suites,
   *     or rejects the keys
   */
  public static JsseEngineFactory create(JsseProvider provider, EngineConfig config) {
    return create(provider, config, SetUp.SIMULATED);
  }

  /** A factory for {@code provider} configured from {@code config}, keys and trust held as {@code setUp} says. */
  public static JsseEngineFactory create(JsseProvider provider, EngineConfig config, SetUp setUp) {
    JsseEngineFactory f;
    try {
      f = new JsseEngineFactory(provider, config, setUp);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalArgumentException(provider.engineName() + " has no " + (config.minVersion().isDtls() ? "DTLS" : "TLS")
          + " SSLContext: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(provider.engineName() + ": cannot set up the SSLContext: " + e.getMessage(), e);
    }
    if (f.protocols.isEmpty() && f.datagram && f.dropped.stream().anyMatch(JsseEngineFactory::disabledInThisJvm)) {
      throw new IllegalArgumentException(provider.engineName() + ": DTLSv1.0 is disabled in this JDK ("
          + JvmTlsPolicy.PROPERTY + " lists it); SunJSSE speaks DTLSv1.2 only");
    }
    if (f.protocols.isEmpty()) {
      throw new IllegalArgumentException(provider.engineName() + " supports none of the versions "
          + config.versions().stream().map(ProtocolVersion::jsseName).toList());
    }
    if (f.suites.isEmpty()) {
      throw new IllegalArgumentException(provider.engineName() + " supports none of the cipher suites " + config.cipherSuites());
    }
    return f;
  }

  public JsseProvider provider() {
    return provider;
  }

  public EngineConfig config() {
    return config;
  }

  /** The JSSE protocol names enabled, lowest first. */
  public List<String> protocols() {
    return protocols;
  }

  /** The suites enabled, in the config's order. */
  public List<CipherSuite> suites() {
    return suites;
  }

  /** Versions (JSSE names) and suites (IANA names) of the config the provider does not support. */
  public List<String> dropped() {
    return dropped;
  }

  /** An engine for a connection to an unnamed peer (a server's engine, or a client that never resumes). */
  public JsseEngine newEngine() {
    requireStream();
    return wrap(context.createSSLEngine());
  }

  /** Whether this factory speaks DTLS (its config's versions are DTLS ones). */
  public boolean datagram() {
    return datagram;
  }

  /**
   * A DTLS engine over SunJSSE's {@code DTLS} SSLEngine, for the datagram contract of
   * {@link dev.hslab.model.engine.Engine}; datagrams at most the default PMTU
   * ({@link Pmtu#DEFAULT}, RFC 6347 §4.1.1.1), which SunJSSE fragments its flights to.
   */
  public JsseDtlsEngine newDtlsEngine() {
    if (!datagram) {
      throw new IllegalStateException("a TLS factory: newEngine() makes its engines");
    }
    SSLEngine engine = context.createSSLEngine(config.serverName(), 4433);
    configure(engine);
    SSLParameters p = engine.getSSLParameters();
    p.setMaximumPacketSize(Pmtu.DEFAULT.bytes());
    engine.setSSLParameters(p);
    return new JsseDtlsEngine(provider, config.side(), engine, trust);
  }

  private void requireStream() {
    if (datagram) {
      throw new IllegalStateException("a DTLS factory: newDtlsEngine() makes its engines");
    }
  }

  /** The DTLS versions between the config's bounds, compared by their TLS equivalents (RFC 6347 §4.1). */
  private static List<ProtocolVersion> dtlsVersions(EngineConfig config) {
    ProtocolVersion lo = config.minVersion().tlsEquivalent();
    ProtocolVersion hi = config.maxVersion().tlsEquivalent();
    return ProtocolVersion.DTLS.stream()
        .filter(v -> v.tlsEquivalent().compareTo(lo) >= 0 && v.tlsEquivalent().compareTo(hi) <= 0).toList();
  }

  /** OpenJDK 17 lists DTLSv1.0 in {@code jdk.tls.disabledAlgorithms}; {@link JvmTlsPolicy} keeps it there. */
  private static boolean disabledInThisJvm(ProtocolVersion v) {
    String value = java.security.Security.getProperty(JvmTlsPolicy.PROPERTY);
    return v.equals(ProtocolVersion.DTLS10) && value != null
        && java.util.Arrays.stream(value.split(",")).map(String::trim).anyMatch(v.jsseName()::equals);
  }

  private static boolean disabledInThisJvm(String jsseName) {
    return jsseName.equals(ProtocolVersion.DTLS10.jsseName()) && disabledInThisJvm(ProtocolVersion.DTLS10);
  }

  /**
   * The provider's own engine, configured as {@link #newEngine()}'s but without the adapter (no
   * record decoding, trace or alert inference): what a user of the provider drives, and what
   * the benchmarks time.
   */
  public SSLEngine newSslEngine() {
    return configure(context.createSSLEngine());
  }

  /** {@link #newSslEngine()} for a connection to {@code peerHost:peerPort} (a client resumes per host and port). */
  public SSLEngine newSslEngine(String peerHost, int peerPort) {
    return configure(context.createSSLEngine(peerHost, peerPort));
  }

  /**
   * {@code hslab deviate}'s engine under test: a new engine of {@code provider} per connection, which
   * reads its protected records (its Finished, the alert it sends after failing) with the master
   * secret of the deviating model peer, as {@code hslab run} does, instead of leaving them opaque.
   */
  public static EngineUnderTest underTest(JsseProvider provider) {
    return new EngineUnderTest(provider.name().toLowerCase(Locale.ROOT), (config, peer) -> {
      JsseEngine e = create(provider, config).newEngine();
      e.decryptWith(peer::masterSecret);
      return e;
    }, false);
  }

  /** An engine for a connection to {@code peerHost:peerPort}; a client resumes per host and port. */
  public JsseEngine newEngine(String peerHost, int peerPort) {
    requireStream();
    return wrap(context.createSSLEngine(peerHost, peerPort));
  }

  private JsseEngine wrap(SSLEngine engine) {
    return new JsseEngine(provider, config.side(), configure(engine), trust);
  }

  private SSLEngine configure(SSLEngine engine) {
    boolean client = config.side() == Side.CLIENT;
    engine.setUseClientMode(client);
    SSLParameters p = engine.getSSLParameters();
    p.setProtocols(protocols.toArray(String[]::new));
    p.setCipherSuites(suites.stream().map(CipherSuite::ianaName).toArray(String[]::new));
    if (client) {
      p.setServerNames(List.of(new SNIHostName(config.serverName())));
      // RFC 6125 host-name check by the trust manager; with verifyPeer=false a mismatch is reported.
      p.setEndpointIdentificationAlgorithm("HTTPS");
    } else {
      p.setUseCipherSuitesOrder(true);
      if (config.clientAuth() == ClientAuth.REQUIRE) {
        p.setNeedClientAuth(true);
      } else if (config.clientAuth() == ClientAuth.REQUEST) {
        p.setWantClientAuth(true);
      }
    }
    engine.setSSLParameters(p);
    return engine;
  }

  private static KeyManager[] keyManagers(JsseProvider provider, List<Identity> identities, String algorithm)
      throws GeneralSecurityException {
    if (identities.isEmpty()) {
      return new KeyManager[0];
    }
    char[] pass = "hslab".toCharArray(); // in-memory only; the store never leaves this method
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try {
      ks.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("empty key store", e);
    }
    for (int i = 0; i < identities.size(); i++) {
      Identity id = identities.get(i);
      ks.setKeyEntry("identity-" + i, id.privateKey(), pass, id.chain().toArray(Certificate[]::new));
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(algorithm, provider.provider());
    kmf.init(ks, pass);
    return kmf.getKeyManagers();
  }
}
