package dev.hslab.model.engine;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.kex.PskStore;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.HandshakeFragmenter;
import dev.hslab.model.pki.ChainValidator;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.suite.BulkCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Builds an {@link EngineConfig} from sensible defaults. */
public final class EngineConfigBuilder {

  /** Simulated runs validate certificates at this fixed instant, so they are reproducible. */
  public static final Instant SIMULATION_TIME = Instant.parse("2026-01-01T00:00:00Z");

  /** Authenticated suites, strongest first: ECDHE before DHE before RSA, AEAD before CBC. */
  public static final List<CipherSuite> DEFAULT_SUITES = defaultSuites();

  public static final List<NamedGroup> DEFAULT_GROUPS =
      List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.FFDHE2048, NamedGroup.FFDHE3072);

  public static final List<SignatureScheme> DEFAULT_SIGNATURE_SCHEMES = List.of(
      SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PKCS1_SHA256,
      SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA1,
      SignatureScheme.ECDSA_SHA1);

  private static final ChainValidator NO_ANCHORS = new ChainValidator(List.of());

  private final Side side;
  private ProtocolVersion minVersion = ProtocolVersion.TLS10;
  private ProtocolVersion maxVersion = ProtocolVersion.TLS12;
  private List<CipherSuite> cipherSuites = DEFAULT_SUITES;
  private List<NamedGroup> groups = DEFAULT_GROUPS;
  private List<SignatureScheme> signatureSchemes = DEFAULT_SIGNATURE_SCHEMES;
  private ClientAuth clientAuth = ClientAuth.NONE;
  private List<Identity> identities = List.of();
  private ChainValidator trust = NO_ANCHORS;
  private boolean verifyPeer = true;
  private String serverName = "server.hslab.test";
  private Optional<Bytes> pskIdentity = Optional.empty();
  private PskStore psks = new PskStore(java.util.Map.of());
  private Optional<Bytes> pskHint = Optional.empty();
  private Optional<Session> resume = Optional.empty();
  private SessionCache sessionCache;
  private boolean tickets;
  private Bytes ticketKey;
  private boolean extendedMasterSecret = true;
  private boolean allowRenegotiation = true;
  private Instant now = SIMULATION_TIME;
  private HandshakeFragmenter.Mode recordMode = HandshakeFragmenter.Mode.ONE_PER_RECORD;
  private final RandomSource random;

  EngineConfigBuilder(Side side, RandomSource random) {
    this.side = side;
    this.random = random;
  }

  EngineConfigBuilder(EngineConfig c) {
    this(c.side(), c.random());
    minVersion = c.minVersion();
    maxVersion = c.maxVersion();
    cipherSuites = c.cipherSuites();
    groups = c.groups();
    signatureSchemes = c.signatureSchemes();
    clientAuth = c.clientAuth();
    identities = c.identities();
    trust = c.trust();
    verifyPeer = c.verifyPeer();
    serverName = c.serverName();
    pskIdentity = c.pskIdentity();
    psks = c.psks();
    pskHint = c.pskHint();
    resume = c.resume();
    sessionCache = c.sessionCache();
    tickets = c.tickets();
    ticketKey = c.ticketKey();
    extendedMasterSecret = c.extendedMasterSecret();
    allowRenegotiation = c.allowRenegotiation();
    now = c.now();
    recordMode = c.recordMode();
  }

  public EngineConfigBuilder versions(ProtocolVersion min, ProtocolVersion max) {
    this.minVersion = min;
    this.maxVersion = max;
    return this;
  }

  public EngineConfigBuilder version(ProtocolVersion v) {
    return versions(v, v);
  }

  public EngineConfigBuilder cipherSuites(List<CipherSuite> suites) {
    this.cipherSuites = suites;
    return this;
  }

  public EngineConfigBuilder groups(List<NamedGroup> groups) {
    this.groups = groups;
    return this;
  }

  public EngineConfigBuilder signatureSchemes(List<SignatureScheme> schemes) {
    this.signatureSchemes = schemes;
    return this;
  }

  public EngineConfigBuilder clientAuth(ClientAuth policy) {
    this.clientAuth = policy;
    return this;
  }

  public EngineConfigBuilder identities(List<Identity> identities) {
    this.identities = identities;
    return this;
  }

  /** Trusts {@code anchors} with a validator of this configuration's own. */
  public EngineConfigBuilder trustAnchors(List<X509Certificate> anchors) {
    this.trust = new ChainValidator(anchors);
    return this;
  }

  /** Trusts what {@code validator} trusts, sharing it (and what it has decoded) with other configurations. */
  public EngineConfigBuilder trust(ChainValidator validator) {
    this.trust = java.util.Objects.requireNonNull(validator, "validator");
    return this;
  }

  public EngineConfigBuilder verifyPeer(boolean verify) {
    this.verifyPeer = verify;
    return this;
  }

  public EngineConfigBuilder serverName(String name) {
    this.serverName = name;
    return this;
  }

  public EngineConfigBuilder psk(Bytes identity, Bytes key) {
    this.pskIdentity = Optional.of(identity);
    this.psks = new PskStore(java.util.Map.of(identity, key));
    return this;
  }

  public EngineConfigBuilder psks(PskStore store) {
    this.psks = store;
    return this;
  }

  public EngineConfigBuilder pskHint(Optional<Bytes> hint) {
    this.pskHint = hint;
    return this;
  }

  public EngineConfigBuilder resume(Optional<Session> session) {
    this.resume = session;
    return this;
  }

  public EngineConfigBuilder sessionCache(SessionCache cache) {
    this.sessionCache = cache;
    return this;
  }

  public EngineConfigBuilder tickets(boolean tickets) {
    this.tickets = tickets;
    return this;
  }

  public EngineConfigBuilder ticketKey(Bytes key) {
    this.ticketKey = key;
    return this;
  }

  public EngineConfigBuilder extendedMasterSecret(boolean ems) {
    this.extendedMasterSecret = ems;
    return this;
  }

  public EngineConfigBuilder allowRenegotiation(boolean allow) {
    this.allowRenegotiation = allow;
    return this;
  }

  public EngineConfigBuilder now(Instant now) {
    this.now = now;
    return this;
  }

  public EngineConfigBuilder recordMode(HandshakeFragmenter.Mode mode) {
    this.recordMode = mode;
    return this;
  }

  public EngineConfig build() {
    Bytes key = ticketKey != null ? ticketKey : Bytes.wrap(random.fork("ticket-key").nextBytes(32));
    return new EngineConfig(side, minVersion, maxVersion, cipherSuites, groups, signatureSchemes, clientAuth,
        identities, trust, verifyPeer, serverName, pskIdentity, psks, pskHint, resume, sessionCache, tickets,
        key, extendedMasterSecret, allowRenegotiation, now, recordMode, random);
  }

  private static List<CipherSuite> defaultSuites() {
    List<KeyExchange> authenticated = List.of(KeyExchange.ECDHE_ECDSA, KeyExchange.ECDHE_RSA, KeyExchange.DHE_RSA, KeyExchange.RSA);
    return byPreference(List.of(CipherSuite.values())).stream().filter(s -> authenticated.contains(s.keyExchange())).toList();
  }

  /**
   * {@code suites} strongest first: forward-secret authenticated key exchanges before static RSA
   * and before anonymous and PSK ones; AEAD before CBC; SHA-256/384 MACs before SHA-1.
   */
  public static List<CipherSuite> byPreference(List<CipherSuite> suites) {
    List<KeyExchange> kexOrder = List.of(KeyExchange.ECDHE_ECDSA, KeyExchange.ECDHE_RSA, KeyExchange.DHE_RSA,
        KeyExchange.RSA, KeyExchange.ECDHE_PSK, KeyExchange.PSK, KeyExchange.ECDH_ANON, KeyExchange.DH_ANON);
    List<BulkCipher> cipherOrder = List.of(BulkCipher.AES_128_GCM, BulkCipher.AES_256_GCM, BulkCipher.CHACHA20_POLY1305,
        BulkCipher.AES_128_CBC, BulkCipher.AES_256_CBC);
    return suites.stream()
        .sorted(Comparator.comparingInt((CipherSuite s) -> kexOrder.indexOf(s.keyExchange()))
            .thenComparingInt(s -> cipherOrder.indexOf(s.cipher()))
            .thenComparing(s -> s.mac().ordinal(), Comparator.reverseOrder()))
        .toList();
  }
}
