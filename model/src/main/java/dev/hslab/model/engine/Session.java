package dev.hslab.model.engine;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.Optional;

/**
 * A resumable session (RFC 5246 §7.3 "session state"): what an abbreviated handshake needs.
 * The client keeps it to offer it again, by ID or with the server's ticket (RFC 5077).
 *
 * @param id the session ID the server assigned (may be empty with a ticket)
 * @param ticket the server's opaque ticket, if it issued one
 */
public record Session(
    Bytes id,
    ProtocolVersion version,
    CipherSuite cipherSuite,
    Bytes masterSecret,
    boolean extendedMasterSecret,
    boolean clientAuthenticated,
    Optional<Bytes> ticket) {

  public Session withTicket(Bytes newTicket) {
    return new Session(id, version, cipherSuite, masterSecret, extendedMasterSecret, clientAuthenticated,
        Optional.of(newTicket));
  }

  @Override
  public String toString() {
    return "Session[" + id + " " + version.displayName() + " " + cipherSuite + (ticket.isPresent() ? " ticket" : "") + "]";
  }
}
