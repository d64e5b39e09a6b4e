package dev.hslab.model.explore;

import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.ClientState;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.ServerState;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.handshake.TransitionTable;
import java.util.List;

/** What one configuration's exploration runs: the two tables, the configuration and its script. */
record Model(
    Configuration config,
    TransitionTable<ClientState> clientTable,
    TransitionTable<ServerState> serverTable,
    List<ScriptStep> script,
    int faults,
    List<FaultKind> faultKinds) {

  World initial() {
    boolean allowed = config.renegotiationAllowed();
    return new World(Endpoint.initial(clientTable.initial(), allowed), Endpoint.initial(serverTable.initial(), allowed),
        Channel.EMPTY, Channel.EMPTY, faults, 0, false, false);
  }

  private TransitionTable<?> table(Side side) {
    return side == Side.CLIENT ? clientTable : serverTable;
  }

  HandshakeState failed(Side side) {
    return table(side).failed();
  }

  /**
   * The messages {@code side} waits for in {@code s}, as its table answers it for any facts
   * ({@link TransitionTable#movingOn}): docs/cli.md's {@code waitingFor}, alternatives joined by
   * {@code |}, e.g. {@code certificate_request|server_hello_done}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  String waitingFor(Side side, HandshakeState s) {
    TransitionTable raw = table(side);
    List<MessageKind> kinds = raw.movingOn((Enum) s);
    return kinds.isEmpty() ? "nothing" : String.join("|", kinds.stream().map(MessageKind::label).toList());
  }
}
