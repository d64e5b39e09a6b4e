package dev.hslab.model.concrete;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A point of the configuration space (a {@link Configuration}: one connection) and the run that
 * realises it (a {@link HandshakeConfig}: the command line's and the scenario files', one or two
 * connections run by {@code LoopbackRun} and the actors). Both speak the same vocabulary; they
 * differ only in the facts a connection and a run do not share, each handled here:
 *
 * <ul>
 *   <li>a run with {@code --resume id|ticket} is two connections; {@link Configuration#resumed()}
 *       says which of the two a configuration is;
 *   <li>the explorer can make the responder refuse a renegotiation, which a run cannot;
 *   <li>a run renegotiates on its last connection only;
 *   <li>the explorer chooses who closes, which leaves the handshake-layer path unchanged
 *       (close_notify is not part of a path): in a run the client closes;
 *   <li>a run may offer the suites of several key exchanges, a configuration has one.
 * </ul>
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
    if (c.renegotiation() != Renegotiation.NONE && !c.renegotiationAllowed()) {
      return Optional.empty();
    }
    int connection = c.resumed() ? 2 : 1;
    if (c.resumption() != Resumption.NONE && connection == 1 && c.renegotiation() != Renegotiation.NONE) {
      return Optional.empty();
    }
    HandshakeConfig hc = new HandshakeConfig(c.clientMin(), c.clientMax(), c.serverMin(), c.serverMax(),
        c.keyExchange(), List.of(), c.clientAuth(), c.clientCertificate(), c.resumption(), c.renegotiation(),
        c.pskHint(), seed);
    return hc.problems().isEmpty() ? Optional.of(new Target(hc, connection)) : Optional.empty();
  }

  /**
   * The run whose last connection is {@code c}, as the configuration space lists runs ({@code
   * ConfigurationSpace.runs()} and {@code renegotiations()}).
   *
   * @throws IllegalArgumentException if no run ends with {@code c}
   */
  public static HandshakeConfig run(Configuration c, long seed) {
    int last = c.resumption() == Resumption.NONE ? 1 : 2;
    return toHandshake(c, seed).filter(t -> t.connection() == last).map(Target::config)
        .orElseThrow(() -> new IllegalArgumentException("no run ends with the connection " + c.label()));
  }

  /** The run of each of {@code lastConnections} ({@link #run}), in order. */
  public static List<HandshakeConfig> runs(List<Configuration> lastConnections, long seed) {
    return lastConnections.stream().map(c -> run(c, seed)).toList();
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
    Configuration base = Configuration.of(hc.clientMax(), kex.get())
        .withVersions(hc.clientMin(), hc.clientMax(), hc.serverMin(), hc.serverMax())
        .withClientAuth(hc.clientAuth(), hc.clientCertificate())
        .withPskHint(hc.pskHint() && kex.get() == KeyExchange.PSK)
        .withCloser(Side.CLIENT);
    List<Configuration> out = new ArrayList<>();
    switch (hc.resumption()) {
      case NONE -> { }
      // The first connection of a session-ID run is a plain full handshake (canonical form NONE).
      case ID -> out.add(base);
      case TICKET -> out.add(base.withResumption(Resumption.TICKET, false));
    }
    Renegotiation reneg = hc.renegotiation();
    out.add(base.withResumption(hc.resumption(), hc.resumption() != Resumption.NONE)
        .withRenegotiation(reneg, reneg != Renegotiation.NONE));
    return out.stream().allMatch(Configuration::legal) ? List.copyOf(out) : List.of();
  }

  /** The one key exchange of {@code hc}: its own, or the one all its suites share. */
  public static Optional<KeyExchange> keyExchange(HandshakeConfig hc) {
    List<KeyExchange> kexes = hc.keyExchange() != null ? List.of(hc.keyExchange())
        : hc.effectiveSuites().stream().map(CipherSuite::keyExchange).distinct().toList();
    return kexes.size() == 1 ? Optional.of(kexes.get(0)) : Optional.empty();
  }
}
