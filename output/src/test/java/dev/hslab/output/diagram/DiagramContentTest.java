package dev.hslab.output.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.ClientState;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Transition;
import dev.hslab.output.testkit.Fixtures;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DiagramContentTest {

  private static final Pattern EDGE = Pattern.compile("^  (\\w+) -> (\\w+) \\[(.*)];$", Pattern.MULTILINE);

  /**
   * Every table row is drawn: a row to another state as one edge, in table order, dashed when it
   * has guards; a row that stays in its state as one line under the state's name.
   */
  @Test
  void everyTableRowIsOneEdgeOrOneLineOfItsStateAndGuardedRowsAreDashed() {
    for (var table : List.of(ClientTable.TABLE, ServerTable.TABLE)) {
      String dot = StateGraph.dot(table, StateGraph.Options.defaults());
      Matcher m = EDGE.matcher(dot);
      List<String[]> edges = new java.util.ArrayList<>();
      while (m.find()) {
        edges.add(new String[] {m.group(1), m.group(2), m.group(3)});
      }
      List<String[]> rows = edges.stream().filter(e -> !e[0].equals("initial") && !e[2].contains("ltail=")).toList();
      List<? extends Transition<?>> moving = table.rows().stream().filter(t -> t.from() != t.to()).toList();
      assertThat(rows).hasSize(moving.size());
      for (int i = 0; i < rows.size(); i++) {
        Transition<?> t = moving.get(i);
        assertThat(rows.get(i)[0]).isEqualTo(t.from().name());
        assertThat(rows.get(i)[1]).isEqualTo(t.to().name());
        assertThat(rows.get(i)[2].contains("style=dashed")).as(t.toString()).isEqualTo(!t.guards().isEmpty());
      }
      for (Transition<?> t : table.rows()) {
        if (t.from() == t.to()) {
          String trigger = t.trigger().toString().startsWith("recv ") ? t.trigger().toString() : "local: " + t.trigger();
          String line = "\u21bb " + trigger + (t.guards().isEmpty() ? "" : " [" + t.guardLabel() + "]")
              + (t.emits().isEmpty() ? "" : " / " + t.emits().get(0));
          Matcher node = Pattern.compile("^    " + t.from().name() + " \\[label=<(.*)>.*];$", Pattern.MULTILINE).matcher(dot);
          assertThat(node.find()).as(t.from().name()).isTrue();
          assertThat(node.group(1)).as(t.toString()).contains(line);
        }
      }
    }
  }

  @Test
  void clientEdgeLabelsNameTriggerGuardsAndEmittedMessages() {
    String dot = StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults());
    // The client's second flight is sent on six rows: named on each edge, spelled out once.
    assertThat(dot).contains("WAIT_SERVER_HELLO_DONE -> WAIT_CHANGE_CIPHER_SPEC [label=\"recv server_hello_done\\n[no ticket]"
        + "\\n/ flight 1\", style=dashed];");
    assertThat(dot).contains("flight 1: [certificate], [no_certificate], client_key_exchange, [certificate_verify], "
        + "change_cipher_spec, finished");
    assertThat(Pattern.compile("/ flight 1\"").matcher(dot).results().count()).isEqualTo(6);
    assertThat(dot).contains("START -> WAIT_SERVER_HELLO [label=\"local: start\\n/ client_hello\"];");
    assertThat(dot).contains("WAIT_FINISHED -> ESTABLISHED [label=\"recv finished\\n[resumed]\\n/ change_cipher_spec, finished\", style=dashed];");
  }

  @Test
  void statesStandInTheTablesOrderTopToBottomAndRenegotiationsGoBackInGrey() {
    String dot = StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults());
    assertThat(dot).contains("  START -> WAIT_SERVER_HELLO -> WAIT_SERVER_CERTIFICATE -> WAIT_SERVER_KEY_EXCHANGE"
        + " -> WAIT_CERTIFICATE_REQUEST -> WAIT_SERVER_HELLO_DONE -> WAIT_NEW_SESSION_TICKET -> WAIT_CHANGE_CIPHER_SPEC"
        + " -> WAIT_FINISHED -> ESTABLISHED -> WAIT_CLOSE_NOTIFY -> CLOSED -> legend [style=invis, weight=10];");
    assertThat(dot).contains("{ rank=same; CLOSED; FAILED; }");
    assertThat(dot).contains("ESTABLISHED -> WAIT_SERVER_HELLO [label=\"local: renegotiate\\n/ client_hello\", color=\"#5f6b7a\"");
    assertThat(dot).contains("graph [compound=true, rankdir=TB");
  }

  @Test
  void statesSitInTheirPhaseClustersAndEachLivePhaseHasOneFailureEdge() {
    String dot = StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults());
    // Every state of the table (TLS and DTLS share the enum; each table draws its own states).
    for (var table : java.util.List.of(ClientTable.TABLE, dev.hslab.model.handshake.DtlsClientTable.TABLE)) {
      String drawn = StateGraph.dot(table, StateGraph.Options.defaults());
      for (ClientState s : table.states()) {
        String cluster = "subgraph cluster_" + s.phase().name().toLowerCase();
        int start = drawn.indexOf(cluster);
        assertThat(start).as(s + " cluster").isPositive();
        assertThat(drawn.substring(start, drawn.indexOf("  }", start))).contains("    " + s.name());
      }
    }
    assertThat(ClientTable.TABLE.states()).hasSize(ClientState.values().length - 1);
    assertThat(Pattern.compile("-> FAILED \\[ltail=").matcher(dot).results().count()).isEqualTo(4);
  }

  @Test
  void withoutSelfLoopsNoEdgeStaysInItsState() {
    String dot = StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults().withSelfLoops(false));
    Matcher m = EDGE.matcher(dot);
    while (m.find()) {
      assertThat(m.group(1)).isNotEqualTo(m.group(2));
    }
    assertThat(dot).doesNotContain("\u21bb");
    // With self-loops, no edge stays in its state either: those rows are lines under the state.
    m = EDGE.matcher(StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults()));
    while (m.find()) {
      assertThat(m.group(1)).isNotEqualTo(m.group(2));
    }
  }

  @Test
  void sequenceNumbersMessagesInOrderAndMarksOptionalAndEncrypted() {
    String dot = SequenceDiagram.dot(Fixtures.fullHandshake(), SequenceDiagram.Options.defaults());
    int last = -1;
    for (String label : List.of("1. client_hello", "2. server_hello", "3. [certificate]", "4. [server_key_exchange]",
        "5. server_hello_done", "6. client_key_exchange", "7. change_cipher_spec", "8. finished", "9. change_cipher_spec",
        "10. finished", "11. application_data", "12. application_data", "13. close_notify", "14. close_notify")) {
      int at = dot.indexOf(label);
      assertThat(at).as(label).isGreaterThan(last);
      last = at;
    }
    assertThat(dot).contains("label=\"3. [certificate]\"];\n  { rank=same; c3; m3; s3; }\n  c3 -> m3 [style=dashed");
    assertThat(dot).contains("bgcolor=\"#e4e7ec\"><tr><td>8. finished</td>");
    assertThat(dot).doesNotContain("<td>7. change_cipher_spec");
  }

  @Test
  void droppedRecordEndsInACrossAndNeverReachesTheReceiver() {
    String dot = SequenceDiagram.dot(Fixtures.dropped(), SequenceDiagram.Options.defaults());
    assertThat(dot).contains("m5 [shape=plaintext, fontcolor=\"#b00020\", id=\"message-5\", class=\"message\", "
        + "label=\"\u00d7 5. server_hello_done\\n(dropped)\"];");
    // Server to client: the server's half is drawn, the client's half is invisible.
    assertThat(dot).contains("  c5 -> m5 [style=invis, id=\"message-5-a\", class=\"message-arrow\"];\n"
        + "  m5 -> s5 [style=solid, color=\"#b00020\", arrowhead=none, id=\"message-5-b\", class=\"message-arrow\"];");
    assertThat(dot).contains("timeout in WAIT_SERVER_HELLO_DONE\\nwaiting for server_hello_done");
  }

  @Test
  void duplicatesInjectionsDelaysAndCorruptionsAreDrawn() {
    String dot = SequenceDiagram.dot(Fixtures.faulty(), SequenceDiagram.Options.defaults());
    assertThat(dot).contains("4'. [server_key_exchange]\\n(duplicate)");
    assertThat(dot).contains("injected: hello_request");
    assertThat(dot).contains("5. server_hello_done\\n(delayed: 40 ms)");
    assertThat(dot).contains("8. finished<br/>(corrupted: byte 7 flipped)");
  }
}
