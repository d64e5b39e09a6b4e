package dev.hslab.bench;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.loopback.Loopback;
import java.util.List;

/** One in-memory connection between two engines, checked: a benchmark of failing handshakes measures nothing. */
final class Connections {

  private Connections() {}

  /** Runs the handshake; returns what the client negotiated, or throws when it did not complete as expected. */
  static Negotiated handshake(Engine client, Engine server, boolean expectResumed) {
    Loopback.run(client, server, List.of());
    if (!client.established() || !server.established()) {
      throw new IllegalStateException("handshake did not complete: client " + client.negotiated()
          + ", server " + server.negotiated());
    }
    Negotiated n = client.negotiated().orElseThrow();
    if (n.resumed() != expectResumed) {
      throw new IllegalStateException("expected " + (expectResumed ? "a resumed" : "a full") + " handshake: " + n);
    }
    return n;
  }
}
