package dev.hslab.model.explore;

import dev.hslab.model.handshake.ClientState;
import dev.hslab.model.handshake.ServerState;
import dev.hslab.model.handshake.Side;

/**
 * A state of the composed system: both endpoints, both directions of the network, the fault budget
 * left, the position in the applications' script, and whether a fault has made the two
 * transcripts differ (so a Finished or CertificateVerify check will fail, RFC 5246 §7.4.8–7.4.9).
 */
record World(
    Endpoint client, Endpoint server, Channel toServer, Channel toClient, int faultsLeft, int script,
    boolean transcriptsDiffer) {

  Endpoint endpoint(Side side) {
    return side == Side.CLIENT ? client : server;
  }

  /** The channel that {@code receiver} reads. */
  Channel channelTo(Side receiver) {
    return receiver == Side.CLIENT ? toClient : toServer;
  }

  World with(Side side, Endpoint e) {
    return side == Side.CLIENT
        ? new World(e, server, toServer, toClient, faultsLeft, script, transcriptsDiffer)
        : new World(client, e, toServer, toClient, faultsLeft, script, transcriptsDiffer);
  }

  World withChannelTo(Side receiver, Channel c) {
    return receiver == Side.CLIENT
        ? new World(client, server, toServer, c, faultsLeft, script, transcriptsDiffer)
        : new World(client, server, c, toClient, faultsLeft, script, transcriptsDiffer);
  }

  World withFaultUsed() {
    return new World(client, server, toServer, toClient, faultsLeft - 1, script, transcriptsDiffer);
  }

  World withScript(int next) {
    return new World(client, server, toServer, toClient, faultsLeft, next, transcriptsDiffer);
  }

  World withTranscriptsDiffer() {
    return transcriptsDiffer ? this : new World(client, server, toServer, toClient, faultsLeft, script, true);
  }

  boolean bothTerminal() {
    return client.terminal() && server.terminal();
  }

  /** Both sides closed with close_notify: the run completed. */
  boolean completed() {
    return !client.timedOut() && !server.timedOut()
        && client.state() == ClientState.CLOSED && server.state() == ServerState.CLOSED;
  }
}
