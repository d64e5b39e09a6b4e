package dev.hslab.model.config;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.EngineConfigBuilder;
import dev.hslab.model.engine.Session;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.wire.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Turns a {@link HandshakeConfig} into the two endpoints' {@link EngineConfig}s. */
public final class EngineConfigs {

  public static final Bytes PSK_IDENTITY = Bytes.wrap("client1".getBytes(StandardCharsets.UTF_8));
  public static final Bytes PSK_HINT = Bytes.wrap("hslab".getBytes(StandardCharsets.UTF_8));

  private EngineConfigs() {}

  /** The client of connection {@code n} (from 1), offering {@code resume} if given. */
  public static EngineConfig client(HandshakeConfig hc, Credentials creds, int n, Optional<Session> resume) {
    RandomSource r = RandomSource.seeded(hc.seed()).fork("client#" + n);
    EngineConfigBuilder b = EngineConfig.client(r)
        .versions(hc.clientMin(), hc.clientMax())
        .cipherSuites(hc.effectiveSuites())
        .trust(creds.trust())
        .serverName(Credentials.SERVER_NAME)
        .tickets(hc.resumption() == Resumption.TICKET)
        .resume(resume);
    if (hc.clientCertificate() != ClientCertificate.NONE) {
      b.identities(List.of(creds.client(hc.clientCertificate())));
    }
    if (usesPsk(hc)) {
      b.psk(PSK_IDENTITY, psk(hc));
    }
    return b.build();
  }

  /** The server of connection {@code n}; all connections of one run share {@code cache}. */
  public static EngineConfig server(HandshakeConfig hc, Credentials creds, int n, SessionCache cache) {
    RandomSource seeded = RandomSource.seeded(hc.seed());
    EngineConfigBuilder b = EngineConfig.server(seeded.fork("server#" + n))
        .versions(hc.serverMin(), hc.serverMax())
        .cipherSuites(EngineConfigBuilder.byPreference(hc.effectiveSuites()))
        .identities(List.of(creds.serverRsa(), creds.serverEcdsa()))
        .trust(creds.trust())
        .serverName(Credentials.SERVER_NAME)
        .clientAuth(hc.clientAuth())
        .tickets(hc.resumption() == Resumption.TICKET)
        .ticketKey(Bytes.wrap(seeded.fork("ticket-key").nextBytes(32)))
        .sessionCache(hc.resumption() == Resumption.TICKET ? null : cache)
        .pskHint(hc.pskHint() ? Optional.of(PSK_HINT) : Optional.empty());
    if (usesPsk(hc)) {
      b.psk(PSK_IDENTITY, psk(hc));
    }
    return b.build();
  }

  private static boolean usesPsk(HandshakeConfig hc) {
    return hc.effectiveSuites().stream().anyMatch(s -> s.keyExchange().psk());
  }

  private static Bytes psk(HandshakeConfig hc) {
    return Bytes.wrap(RandomSource.seeded(hc.seed()).fork("psk").nextBytes(32));
  }
}
