package dev.hslab.output.testkit;

import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.model.explore.ExploreOptions;
import dev.hslab.model.explore.Explorer;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;

/** Explorations of small, fixed parts of the configuration space (each well under a second). */
public final class Explorations {

  private Explorations() {}

  /** TLS 1.2 ECDHE_RSA with every client-auth, session, renegotiation and closer choice. */
  public static ExplorationReport tls12EcdheRsa() {
    return Explorer.explore(ExploreOptions.of(ConfigurationSpace.where(
        c -> c.keyExchange() == KeyExchange.ECDHE_RSA && c.clientMax().equals(ProtocolVersion.TLS12))));
  }

  /** TLS 1.2 ECDHE_RSA, no client authentication, no sessions, no renegotiation: either side closes. */
  public static ExplorationReport reference() {
    return Explorer.explore(ExploreOptions.of(ConfigurationSpace.where(
        c -> c.keyExchange() == KeyExchange.ECDHE_RSA && c.clientMax().equals(ProtocolVersion.TLS12)
            && c.clientAuth() == dev.hslab.model.handshake.ClientAuth.NONE
            && c.resumption() == dev.hslab.model.handshake.Resumption.NONE
            && c.renegotiation() == dev.hslab.model.handshake.Renegotiation.NONE)));
  }
}
