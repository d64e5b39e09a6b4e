package dev.hslab.bench;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.EngineConfigBuilder;
import dev.hslab.model.engine.Session;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.KeyType;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import java.util.Optional;

/** The benchmarked handshakes: TLS 1.2, AES-128-GCM, group x25519 only. */
public enum Suite {
  ECDHE_RSA("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", KeyType.RSA_2048, false),
  ECDHE_ECDSA("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", KeyType.ECDSA_P256, false),
  RSA("TLS_RSA_WITH_AES_128_GCM_SHA256", KeyType.RSA_2048, false),
  /** ECDHE_RSA with a required RSA-2048 client certificate. */
  ECDHE_RSA_AUTH("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", KeyType.RSA_2048, true);

  private final CipherSuite suite;
  private final KeyType serverKey;
  private final boolean clientAuth;

  Suite(String iana, KeyType serverKey, boolean clientAuth) {
    this.suite = CipherSuite.fromIanaName(iana).orElseThrow();
    this.serverKey = serverKey;
    this.clientAuth = clientAuth;
  }

  public KeyType serverKey() {
    return serverKey;
  }

  public boolean clientAuth() {
    return clientAuth;
  }

  /** The client's key type when the suite authenticates the client: RSA-2048. */
  public KeyType clientKey() {
    return KeyType.RSA_2048;
  }

  /** The IANA name of the suite. */
  public String ianaName() {
    return suite.ianaName();
  }

  /** The name in {@code hslab bench} output, e.g. {@code ecdhe_rsa_auth}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A client trusting {@code ca}'s root, presenting {@code identity} when asked (null: none). */
  public EngineConfig client(CaFamily ca, RandomSource random, Identity identity, boolean tickets) {
    return client(ca, random, identity, tickets, Optional.empty());
  }

  /** A client offering to resume {@code session} (by its ID, or its ticket). */
  public EngineConfig client(CaFamily ca, RandomSource random, Identity identity, boolean tickets, Optional<Session> resume) {
    EngineConfigBuilder b = common(ca, EngineConfig.client(random)).tickets(tickets).resume(resume);
    if (clientAuth) {
      b.identities(List.of(identity));
    }
    return b.build();
  }

  /** A server presenting {@code identity}; resumption by ID through {@code cache}, by ticket when asked. */
  public EngineConfig server(CaFamily ca, RandomSource random, Identity identity, SessionCache cache, boolean tickets,
      Bytes ticketKey) {
    return common(ca, EngineConfig.server(random))
        .identities(List.of(identity))
        .clientAuth(clientAuth ? ClientAuth.REQUIRE : ClientAuth.NONE)
        .sessionCache(tickets ? null : cache)
        .tickets(tickets)
        .ticketKey(ticketKey)
        .build();
  }

  private EngineConfigBuilder common(CaFamily ca, EngineConfigBuilder b) {
    return b.version(ProtocolVersion.TLS12)
        .cipherSuites(List.of(suite))
        .groups(List.of(NamedGroup.X25519))
        .trust(Identities.trust(ca))
        .serverName(Identities.SERVER_NAME);
  }
}
