package dev.hslab.model.explore;

import dev.hslab.model.handshake.ClientState;
import dev.hslab.model.handshake.ServerState;
import dev.hslab.model.handshake.Side;

/**
 * A state of the composed system: both endpoints, both directions of the network, the fault budget
 * left, the position in the applications' script, and whether a fault has made the two
 * transcripts differ (so a Finished or CertificateVerify check will fail, RFC 5246 §7.4.8–7.4.9),
 * and whether they already differed when the server read the ClientKeyExchange of a full TLS
 * handshake: with the extended master secret (RFC 7627 §4, which the engines offer and accept by
 * default) the keys then differ too, and the first record protected with them fails its MAC.
 */
record World(
    Endpoint client, Endpoint server, Channel toServer, Channel toClient, int faultsLeft, int script,
    boolean transcriptsDiffer,
    boolean keysDiffer) {

  Endpoint endpoint(Side side) {
    return side == Side.CLIENT ? client : server;
  }

  /** The channel that {@code receiver} reads. */
  Channel channelTo(Side receiver) {
    return receiver == Side.CLIENT ? toClient : toServer;
  }

  World with(Side side, Endpoint e) {
    return side == Side.CLIENT
        ? new World(e, server, toServer, toClient, faultsLeft, script, transcriptsDiffer, keysDiffer)
        : new World(client, e, toServer, toClient, faultsLeft, script, transcriptsDiffer, keysDiffer);
  }

  World withChannelTo(Side receiver, Channel c) {
    return receiver == Side.CLIENT
        ? new World(client, server, toServer, c, faultsLeft, script, transcriptsDiffer, keysDiffer)
        : new World(client, server, c, toClient, faultsLeft, script, transcriptsDiffer, keysDiffer);
  }

  World withFaultUsed() {
    return new World(client, server, toServer, toClient, faultsLeft - 1, script, transcriptsDiffer, keysDiffer);
  }

  World withScript(int next) {
    return new World(client, server, toServer, toClient, faultsLeft, next, transcriptsDiffer, keysDiffer);
  }

  World withTranscriptsDiffer() {
    return transcriptsDiffer ? this : new World(client, server, toServer, toClient, faultsLeft, script, true, keysDiffer);
  }

  /** The server has derived its keys from a transcript that differs from the client's (see above). */
  World withKeysDiffer() {
    return keysDiffer ? this : new World(client, server, toServer, toClient, faultsLeft, script, transcriptsDiffer, true);
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
