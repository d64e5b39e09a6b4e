package dev.hslab.model.handshake;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: a client table with a bug planted, so the report has a violation to show. It sits in
 * the tables' package because {@link TransitionTable}'s constructor is package-private (model's own
 * PlantedTables is in model's test sources, which this module cannot see).
 */
public final class BuggyTables {

  private BuggyTables() {}

  /** The real client table that also takes Finished while it still waits for ChangeCipherSpec. */
  public static TransitionTable<ClientState> clientSkipsChangeCipherSpec() {
    List<Transition<ClientState>> rows = new ArrayList<>(ClientTable.TABLE.rows());
    rows.add(new Transition<>(ClientState.WAIT_CHANGE_CIPHER_SPEC, Trigger.receive(MessageKind.FINISHED), List.of(),
        ClientState.ESTABLISHED, List.of()));
    return new TransitionTable<>(Side.CLIENT, ClientState.class, ClientState.START, ClientState.FAILED, rows);
  }
}
