package dev.hslab.model.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test-only: copies of the real transition tables with a bug planted, for the explorer's tests.
 * It lives in this package because {@link TransitionTable}'s constructor is package-private.
 */
public final class PlantedTables {

  private PlantedTables() {}

  /** The real client table with {@code edit} applied to a copy of its rows. */
  public static TransitionTable<ClientState> client(Consumer<List<Transition<ClientState>>> edit) {
    List<Transition<ClientState>> rows = new ArrayList<>(ClientTable.TABLE.rows());
    edit.accept(rows);
    return new TransitionTable<>(Side.CLIENT, ClientState.class, ClientState.START, ClientState.FAILED, rows);
  }

  /** The real server table with {@code edit} applied to a copy of its rows. */
  public static TransitionTable<ServerState> server(Consumer<List<Transition<ServerState>>> edit) {
    List<Transition<ServerState>> rows = new ArrayList<>(ServerTable.TABLE.rows());
    edit.accept(rows);
    return new TransitionTable<>(Side.SERVER, ServerState.class, ServerState.WAIT_CLIENT_HELLO, ServerState.FAILED, rows);
  }
}
