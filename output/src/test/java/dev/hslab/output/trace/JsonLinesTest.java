package dev.hslab.output.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hslab.model.trace.Trace;
import dev.hslab.output.testkit.BcHandshake;
import dev.hslab.output.testkit.Fixtures;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The schema of output/README-trace-schema.md: each event's fields, in order, and their JSON types. */
  private static final Map<String, String> SCHEMA = Map.ofEntries(
      Map.entry("message_sent", "i:n timeMs:n event:s side:s n:n from:s type:s optional:b bytes:n encrypted:b detail:s fault:s? record:n"),
      Map.entry("message_sent/alert", "i:n timeMs:n event:s side:s n:n from:s type:s alert:s level:s optional:b bytes:n encrypted:b detail:s fault:s? record:n"),
      Map.entry("message_received", "i:n timeMs:n event:s side:s from:s type:s optional:b bytes:n encrypted:b detail:s"),
      Map.entry("state_changed", "i:n timeMs:n event:s side:s previous:s state:s"),
      Map.entry("established", "i:n timeMs:n event:s side:s version:s cipherSuite:s resumed:b clientAuthenticated:b"
          + " extendedMasterSecret:b secureRenegotiation:b sessionId:s clientRandom:s"),
      Map.entry("alert_sent", "i:n timeMs:n event:s side:s alert:s level:s reason:s"),
      Map.entry("alert_received", "i:n timeMs:n event:s side:s alert:s level:s"),
      Map.entry("application_data_received", "i:n timeMs:n event:s side:s bytes:n"),
      Map.entry("refused", "i:n timeMs:n event:s side:s request:s reason:s"),
      Map.entry("timed_out", "i:n timeMs:n event:s side:s state:s waitingFor:s"),
      Map.entry("closed", "i:n timeMs:n event:s side:s"),
      Map.entry("network", "i:n timeMs:n event:s from:s record:n action:s detail:s bytes:n hex:s"),
      Map.entry("segment", "i:n timeMs:n event:s from:s seq:n ack:n flags:s bytes:n retransmission:b duplicateAck:b fate:s hex:s"));

  private static List<JsonNode> parse(Trace t) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : JsonLines.lines(t)) {
      assertThat(line).doesNotContain("\n");
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void writesOneJsonObjectPerTraceEventInOrder() throws Exception {
    Trace t = Fixtures.fullHandshake();
    StringWriter w = new StringWriter();
    JsonLines.write(t, w);
    String[] lines = w.toString().split("\n", -1);
    assertThat(lines).hasSize(t.events().size() + 1);
    assertThat(lines[lines.length - 1]).isEmpty();
    List<JsonNode> nodes = parse(t);
    for (int i = 0; i < nodes.size(); i++) {
      assertThat(nodes.get(i).get("i").asInt()).isEqualTo(i + 1);
      assertThat(nodes.get(i).get("timeMs").asDouble()).isEqualTo(t.events().get(i).timeMs());
    }
  }

  @Test
  void everyEventKindHasExactlyTheDocumentedFieldsAndTypes() throws Exception {
    Set<String> seen = new LinkedHashSet<>();
    for (Trace t : List.of(Fixtures.everyEventKind(), Fixtures.fullHandshake(), Fixtures.faulty(), Fixtures.dropped())) {
      for (JsonNode n : parse(t)) {
        String kind = n.get("event").asText() + (n.has("alert") && n.get("event").asText().startsWith("message_sent") ? "/alert" : "");
        seen.add(kind);
        if (kind.equals("message_received") && n.has("alert")) {
          continue; // checked below with its alert fields
        }
        assertThat(shape(n)).as(kind).isEqualTo(SCHEMA.get(kind).replace("?", "").replace("fault:s", n.get("fault") != null && n.get("fault").isNull() ? "fault:null" : "fault:s"));
      }
    }
    assertThat(seen).containsAll(SCHEMA.keySet());
  }

  @Test
  void messageSentCarriesTheContractFieldsAndTheNetworkFault() throws Exception {
    List<JsonNode> sent = parse(Fixtures.faulty()).stream().filter(n -> n.get("event").asText().equals("message_sent")).toList();
    assertThat(sent).extracting(n -> n.get("n").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(sent).extracting(n -> n.get("type").asText()).containsExactly("client_hello", "server_hello", "certificate",
        "server_key_exchange", "server_hello_done", "client_key_exchange", "change_cipher_spec", "finished", "alert");
    assertThat(sent).extracting(n -> n.get("fault").isNull() ? null : n.get("fault").asText())
        .containsExactly(null, null, null, "duplicated", "delayed", null, null, "corrupted", null);
    // Server record 4 is the injected one, not a message: ServerHelloDone is server record 5.
    assertThat(sent.get(4).get("record").asInt()).isEqualTo(5);
    JsonNode alert = sent.get(8);
    assertThat(alert.get("alert").asText()).isEqualTo("bad_record_mac");
    assertThat(alert.get("level").asText()).isEqualTo("fatal");
    assertThat(sent.get(2).get("optional").asBoolean()).isTrue();
    assertThat(sent.get(7).get("encrypted").asBoolean()).isTrue();
  }

  @Test
  void contractMessagesListHasTheRunJsonFieldsInOrder() throws Exception {
    JsonNode first = TraceJson.messages(Fixtures.fullHandshake()).get(0);
    assertThat(JSON.writeValueAsString(first)).isEqualTo("{\"n\":1,\"from\":\"client\",\"type\":\"client_hello\","
        + "\"optional\":false,\"bytes\":212,\"encrypted\":false,\"detail\":\"client_hello len=212\",\"fault\":null,\"timeMs\":0.0}");
    JsonNode dropped = TraceJson.messages(Fixtures.dropped()).get(4);
    assertThat(dropped.get("fault").asText()).isEqualTo("dropped");
  }

  @Test
  void packedRecordsOfARealEngineGiveNoFaultRatherThanAWrongOne() throws Exception {
    Trace real = BcHandshake.run(org.bouncycastle.tls.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 3);
    List<JsonNode> nodes = parse(real);
    assertThat(nodes).extracting(n -> n.get("event").asText()).containsOnly("network", "established");
    assertThat(nodes.stream().filter(n -> n.get("event").asText().equals("established")).findFirst().orElseThrow()
        .get("cipherSuite").asText()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assertThat(nodes.toString()).doesNotContain(real.events().stream()
        .filter(e -> e instanceof dev.hslab.model.trace.TraceEvent.OfEngine).findFirst()
        .map(e -> ((dev.hslab.model.engine.EngineEvent.Established) ((dev.hslab.model.trace.TraceEvent.OfEngine) e).event())
            .negotiated().masterSecret().hex()).orElseThrow());
  }

  @Test
  void schemaDocumentShowsExactlyWhatTheWriterProduces() throws Exception {
    List<String> documented = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("README-trace-schema.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("{\"i\":")) {
        documented.add(line);
      }
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(JsonLines.lines(Fixtures.everyEventKind()));
  }

  private static String shape(JsonNode n) {
    StringBuilder b = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String type = v.isNull() ? "null" : v.isNumber() ? "n" : v.isBoolean() ? "b" : v.isTextual() ? "s" : "?";
      b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append(':').append(type);
    }
    return b.toString();
  }
}
