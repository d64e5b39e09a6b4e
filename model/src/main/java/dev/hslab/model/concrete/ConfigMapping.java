package dev.hslab.model.concrete;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.Configuration.ClientCert;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two configuration spaces side by side. The explorer's {@link Configuration} is one
 * connection; {@link HandshakeConfig} (the command line's) is one or two connections run by
 * {@code LoopbackRun}. They differ in three ways, each handled here: the explorer's {@code ID}
 * and {@code TICKET} are the second connection of {@code --resume id|ticket} and {@code
 * TICKET_ISSUED} its first; the explorer can make the responder refuse a renegotiation, which the
 * command line cannot; the explorer chooses who closes, which leaves the handshake-layer path
 * unchanged (close_notify is not part of a path).
 */
public final class ConfigMapping {

  private ConfigMapping() {}

  /** A connection of a {@link HandshakeConfig} run: its configuration and its number, from 1. */
  public record Target(HandshakeConfig config, int connection) {}

  /**
   * The {@link HandshakeConfig} run and connection that realise {@code c}, or empty when the
   * command line cannot express it (a refused renegotiation; a renegotiation on the first of two
   * connections, since {@code LoopbackRun} renegotiates on the last one only).
   */
  public static Optional<Target> toHandshake(Configuration c, long seed) {
    if (c.renegotiation() != Configuration.Renegotiation.NONE && !c.renegotiationAllowed()) {
      return Optional.empty();
    }
    Renegotiation reneg = switch (c.renegotiation()) {
      case NONE -> Renegotiation.NONE;
      case CLIENT -> Renegotiation.CLIENT;
      case SERVER -> Renegotiation.SERVER;
    };
    Resumption resumption = switch (c.resumption()) {
      case NONE -> Resumption.NONE;
      case ID -> Resumption.ID;
      case TICKET, TICKET_ISSUED -> Resumption.TICKET;
    };
    int connection = c.resumption().resumed() ? 2 : 1;
    if (resumption != Resumption.NONE && connection == 1 && reneg != Renegotiation.NONE) {
      return Optional.empty();
    }
    ClientCertificate cert = switch (c.clientCert()) {
      case NONE -> ClientCertificate.NONE;
      case RSA -> ClientCertificate.RSA;
      case ECDSA -> ClientCertificate.ECDSA;
    };
    HandshakeConfig hc = new HandshakeConfig(c.clientMin(), c.clientMax(), c.serverMin(), c.serverMax(),
        c.keyExchange(), List.of(), c.clientAuth(), cert, resumption, reneg, c.pskHint(), seed);
    return hc.problems().isEmpty() ? Optional.of(new Target(hc, connection)) : Optional.empty();
  }

  /**
   * The explorer configurations of each connection of {@code hc}, in order (one, or two with
   * resumption): the client closes, a renegotiation is accepted. Empty if {@code hc} offers suites
   * of several key exchanges (the explorer takes one) or is not a legal explorer configuration.
   */
  public static List<Configuration> toExplorer(HandshakeConfig hc) {
    Optional<KeyExchange> kex = keyExchange(hc);
    if (kex.isEmpty()) {
      return List.of();
    }
    ClientCert cert = switch (hc.clientCertificate()) {
      case NONE -> ClientCert.NONE;
      case RSA -> ClientCert.RSA;
      case ECDSA -> ClientCert.ECDSA;
    };
    Configuration.Renegotiation reneg = switch (hc.renegotiation()) {
      case NONE -> Configuration.Renegotiation.NONE;
      case CLIENT -> Configuration.Renegotiation.CLIENT;
      case SERVER -> Configuration.Renegotiation.SERVER;
    };
    Configuration base = Configuration.of(hc.clientMax(), kex.get())
        .withVersions(hc.clientMin(), hc.clientMax(), hc.serverMin(), hc.serverMax())
        .withClientAuth(hc.clientAuth(), cert)
        .withPskHint(hc.pskHint() && kex.get() == KeyExchange.PSK)
        .withCloser(Side.CLIENT);
    List<Configuration> out = new ArrayList<>();
    switch (hc.resumption()) {
      case NONE -> out.add(base.withRenegotiation(reneg, reneg != Configuration.Renegotiation.NONE));
      case ID -> {
        out.add(base);
        out.add(base.withResumption(Configuration.Resumption.ID).withRenegotiation(reneg, reneg != Configuration.Renegotiation.NONE));
      }
      case TICKET -> {
        out.add(base.withResumption(Configuration.Resumption.TICKET_ISSUED));
        out.add(base.withResumption(Configuration.Resumption.TICKET).withRenegotiation(reneg, reneg != Configuration.Renegotiation.NONE));
      }
    }
    return out.stream().allMatch(Configuration::legal) ? List.copyOf(out) : List.of();
  }

  /** The one key exchange of {@code hc}: its own, or the one all its suites share. */
  public static Optional<KeyExchange> keyExchange(HandshakeConfig hc) {
    if (hc.keyExchange() != null) {
      return Optional.of(hc.keyExchange());
    }
    List<KeyExchange> kexes = hc.effectiveSuites().stream().map(CipherSuite::keyExchange).distinct().toList();
    return kexes.size() == 1 ? Optional.of(kexes.get(0)) : Optional.empty();
  }
}
