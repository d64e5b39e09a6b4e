package dev.hslab.model.pki;

import java.util.Objects;
import java.util.Optional;

/** Whose chain is validated, and for a server which host name the client asked for. */
public sealed interface PeerRole {

  /**
   * The peer is a server; {@code hostName}, when present, must match a SAN dNSName, or, if it is
   * an IP address, a SAN iPAddress (RFC 6125 §6.4).
   */
  record Server(Optional<String> hostName) implements PeerRole {
    public Server {
      Objects.requireNonNull(hostName, "hostName");
    }
  }

  /** The peer is a client presenting a certificate (RFC 5246 §7.4.6). */
  record Client() implements PeerRole {}

  static PeerRole server(String hostName) {
    return new Server(Optional.of(hostName));
  }

  /** A server whose name is not checked. */
  static PeerRole anyServerName() {
    return new Server(Optional.empty());
  }

  static PeerRole client() {
    return new Client();
  }
}
