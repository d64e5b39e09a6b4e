package dev.hslab.model.explore;

import static dev.hslab.model.wire.ProtocolVersion.TLS12;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.ClientState;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.Emit;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.PlantedTables;
import dev.hslab.model.handshake.ServerState;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Transition;
import dev.hslab.model.handshake.TransitionTable;
import dev.hslab.model.handshake.Trigger;
import dev.hslab.model.suite.KeyExchange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bugs planted in copies of the tables are found, each with a shortest trace. */
class PlantedBugTest {

  private static final Configuration RSA = Configuration.of(TLS12, KeyExchange.RSA);
  private static final Configuration ECDHE = Configuration.of(TLS12, KeyExchange.ECDHE_RSA);

  /** The client also takes Finished while it still waits for ChangeCipherSpec. */
  static final TransitionTable<ClientState> CLIENT_SKIPS_CCS = PlantedTables.client(rows ->
      rows.add(new Transition<>(ClientState.WAIT_CHANGE_CIPHER_SPEC, Trigger.receive(MessageKind.FINISHED),
          List.of(), ClientState.ESTABLISHED, List.of())));

  /** The server's first flight leaves out ServerKeyExchange, even for ECDHE. */
  private static final TransitionTable<ServerState> SERVER_SKIPS_SKE = PlantedTables.server(rows ->
      rows.replaceAll(t -> new Transition<>(t.from(), t.trigger(), t.guards(), t.to(),
          t.emits().stream().filter(e -> e.kind() != MessageKind.SERVER_KEY_EXCHANGE).toList())));

  /** The server verifies the client's Finished but never sends its own ChangeCipherSpec and Finished. */
  static final TransitionTable<ServerState> SERVER_NEVER_FINISHES = PlantedTables.server(rows ->
      rows.replaceAll(t -> t.from() == ServerState.WAIT_FINISHED
          ? new Transition<>(t.from(), t.trigger(), t.guards(), t.to(), List.<Emit>of())
          : t));

  @Test
  void clientAcceptingFinishedBeforeChangeCipherSpecIsFoundWithTheDropThatExposesIt() {
    ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(RSA)).withFaults(1)
        .withFaultKinds(FaultKind.DROP).withTables(CLIENT_SKIPS_CCS, ServerTable.TABLE));
    assertThat(r.violations()).extracting(Finding::kind).containsExactly("ESTABLISHED_ONLY_AFTER_FINISHED");
    Finding f = r.violations().get(0);
    assertThat(f.message()).contains("client established").contains("WAIT_CHANGE_CIPHER_SPEC");
    // Shortest: the honest full handshake up to the server's last flight, whose CCS is dropped.
    assertThat(f.labels()).containsExactly("client.client_hello", "server.server_hello", "server.certificate",
        "server.server_hello_done", "client.client_key_exchange", "client.change_cipher_spec", "client.finished",
        "server.change_cipher_spec", "server.finished", "drop server.change_cipher_spec");
  }

  @Test
  void theSameSearchOnTheRealTablesFindsNothing() {
    ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(RSA)).withFaults(1).withFaultKinds(FaultKind.DROP));
    assertThat(r.ok()).isTrue();
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void clientAcceptingFinishedBeforeChangeCipherSpecIsFoundUnderEveryFaultKindToo() {
    ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(RSA)).withFaults(1)
        .withTables(CLIENT_SKIPS_CCS, ServerTable.TABLE));
    Finding f = r.violations().stream().filter(v -> v.kind().equals("ESTABLISHED_ONLY_AFTER_FINISHED")).findFirst().orElseThrow();
    assertThat(f.labels()).hasSize(10).endsWith("drop server.change_cipher_spec");
  }

  @Test
  void serverSkippingServerKeyExchangeFailsTheHonestEcdheRunWithoutAnyFault() {
    ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(ECDHE, RSA))
        .withTables(ClientTable.TABLE, SERVER_SKIPS_SKE));
    assertThat(r.violations()).extracting(Finding::kind, Finding::configuration)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("HONEST_RUN_SUCCEEDS", ECDHE));
    Finding f = r.violations().get(0);
    assertThat(f.message()).isEqualTo("client sent unexpected_message on a perfect network");
    assertThat(f.labels()).containsExactly("client.client_hello", "server.server_hello", "server.certificate",
        "server.server_hello_done", "client.unexpected_message");
    // Static RSA has no ServerKeyExchange, so the planted bug leaves it alone.
    assertThat(r.pathsFor(RSA)).hasSize(1);
    assertThat(r.pathsFor(ECDHE)).isEmpty();
  }

  @Test
  void serverThatNeverSendsItsFinishedIsADeadlockWithTheClientWaiting() {
    ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(RSA))
        .withTables(ClientTable.TABLE, SERVER_NEVER_FINISHES));
    assertThat(r.deadlockCount()).isEqualTo(1);
    Finding d = r.deadlocks().get(0);
    assertThat(d.kind()).isEqualTo("DEADLOCK");
    assertThat(d.message()).contains("client WAIT_CHANGE_CIPHER_SPEC").contains("server ESTABLISHED");
    assertThat(d.labels()).endsWith("client.finished");
    // The stuck run ends in a timeout that names the state and what the client waits for.
    assertThat(r.outcomes().keySet()).anyMatch(o -> o.startsWith(
        "timeout client WAIT_CHANGE_CIPHER_SPEC waiting for change_cipher_spec"));
    assertThat(r.ok()).isFalse();
  }

  @Test
  void listenerSeesDenseStateIdsAndTheViolation() {
    List<int[]> states = new ArrayList<>();
    List<Finding> seen = new ArrayList<>();
    ExploreListener l = new ExploreListener() {
      @Override
      public boolean wantsStates() {
        return true;
      }

      @Override
      public void stateDiscovered(int id, int parent, String move) {
        states.add(new int[] {id, parent});
      }

      @Override
      public void violation(Finding f) {
        seen.add(f);
      }
    };
    ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(RSA, ECDHE)).withFaults(1)
        .withTables(CLIENT_SKIPS_CCS, ServerTable.TABLE), l);
    assertThat(states).hasSize((int) r.states());
    for (int i = 0; i < states.size(); i++) {
      assertThat(states.get(i)[0]).isEqualTo(i);
      assertThat(states.get(i)[1]).isLessThan(i);
    }
    assertThat(seen).isEqualTo(r.violations()).hasSize(2);
  }
}
