package dev.hslab.scenario;

import dev.hslab.actors.NetworkOptions;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.Side;
import java.util.Locale;

/**
 * One scenario file, read and checked: the configuration of both endpoints as a
 * {@link HandshakeConfig}, what the applications do beyond it ({@link Peers}), the network and
 * the expectation. Immutable.
 *
 * @param file the path the scenario was read from, as given (errors and reports name it)
 */
public record Scenario(
    String file, String name, String description, HandshakeConfig config, Peers peers, NetworkOptions network,
    Expectation expect) {

  /**
   * Whether the in-memory loopback can run this scenario's network faithfully: it delivers every
   * record in order, at once, so only the perfect link qualifies (any latency other than the
   * default needs the actors' virtual time).
   */
  public boolean perfectNetwork() {
    return network.equals(NetworkOptions.perfect());
  }

  /** Which engine plays a side (docs/cli.md {@code --client-engine}, {@code --server-engine}). */
  public enum EngineKind {
    MODEL,
    JSSE,
    BCJSSE;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What {@link HandshakeConfig} does not hold: the engines, whether each side accepts a
   * renegotiation its peer starts (RFC 5246 §7.4.1.1: a client may refuse a HelloRequest with
   * no_renegotiation; RFC 5746 §4.4 likewise for a server), and which side closes first.
   */
  public record Peers(
      EngineKind clientEngine, EngineKind serverEngine, boolean clientAcceptsRenegotiation,
      boolean serverAcceptsRenegotiation, Side closes) {

    public static final Peers DEFAULT = new Peers(EngineKind.MODEL, EngineKind.MODEL, true, true, Side.CLIENT);
  }
}
