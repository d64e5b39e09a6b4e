package dev.hslab.model.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TransitionTableTest {

  /** Every combination of facts a guard can see after the hellos. */
  static List<Facts> allFacts() {
    List<Facts> out = new ArrayList<>();
    List<ProtocolVersion> versions = new ArrayList<>(ProtocolVersion.SUPPORTED);
    versions.addAll(List.of(ProtocolVersion.DTLS10, ProtocolVersion.DTLS12));
    for (ProtocolVersion v : versions) {
      for (KeyExchange k : KeyExchange.values()) {
        for (int bits = 0; bits < 1 << 7; bits++) {
          out.add(new Facts(v, k, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
              (bits & 16) != 0, (bits & 32) != 0, (bits & 64) != 0));
        }
      }
    }
    return out;
  }

  static Stream<TransitionTable<?>> tables() {
    return Stream.of(ClientTable.TABLE, ServerTable.TABLE, DtlsClientTable.TABLE, DtlsServerTable.TABLE);
  }

  @Test
  void rowsSharingStateAndTriggerHaveDisjointGuards() {
    tables().forEach(TransitionTableTest::checkDisjoint);
  }

  private static <S extends Enum<S> & HandshakeState> void checkDisjoint(TransitionTable<S> table) {
    List<Facts> facts = allFacts();
    for (S s : table.states()) {
      for (Trigger t : table.triggers(s)) {
        for (Facts f : facts) {
          long matching = table.rowsFrom(s).stream().filter(r -> r.trigger().equals(t) && r.applies(f)).count();
          assertThat(matching).as("%s %s in %s with %s", table.side(), t, s, f).isLessThanOrEqualTo(1);
        }
      }
    }
  }

  @Test
  void everyNonTerminalStateIsReachableAndHasAWayOut() {
    tables().forEach(TransitionTableTest::checkReachable);
  }

  private static <S extends Enum<S> & HandshakeState> void checkReachable(TransitionTable<S> table) {
    Set<S> seen = new HashSet<>(Set.of(table.initial()));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Transition<S> t : table.rows()) {
        if (seen.contains(t.from()) && seen.add(t.to())) {
          grew = true;
        }
      }
    }
    for (S s : table.states()) {
      if (s != table.failed()) {
        assertThat(seen).as("%s reachable in the %s table", s, table.side()).contains(s);
      }
      assertThat(table.rowsFrom(s).isEmpty()).as("%s is terminal iff it has no rows", s).isEqualTo(s.terminal());
    }
  }

  @Test
  void serverKeyExchangeComesBeforeCertificateRequestInTheServerFlight() {
    // RFC 5246 §7.3: on the wire ServerKeyExchange precedes CertificateRequest.
    Transition<ServerState> first = ServerTable.TABLE.rowsFrom(ServerState.WAIT_CLIENT_HELLO).get(0);
    List<MessageKind> kinds = first.emits().stream().map(Emit::kind).toList();
    assertThat(kinds).containsExactly(MessageKind.SERVER_HELLO, MessageKind.CERTIFICATE,
        MessageKind.SERVER_KEY_EXCHANGE, MessageKind.CERTIFICATE_REQUEST, MessageKind.SERVER_HELLO_DONE);
  }

  @Test
  void clientIgnoresHelloRequestWhileNegotiatingButNotBeforeItStarts() {
    assertThat(ClientTable.TABLE.accepts(ClientState.WAIT_FINISHED, Trigger.receive(MessageKind.HELLO_REQUEST))).isTrue();
    assertThat(ClientTable.TABLE.accepts(ClientState.START, Trigger.receive(MessageKind.HELLO_REQUEST))).isFalse();
  }
}
