package dev.hslab.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.output.capture.ParsedPcap;
import dev.hslab.output.diagram.RenderOptions;
import dev.hslab.output.diagram.SequenceDiagram;
import dev.hslab.output.testkit.Explorations;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The --out files of a model-engine run and of an exploration: each file checked against the run itself. */
class OutputFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RenderOptions EMBEDDED = RenderOptions.defaults().withEngine(RenderOptions.Engine.EMBEDDED)
      .withEmbeddedLibraryDir(Path.of("target/j2v8"));

  @TempDir Path dir;

  private static List<Trace> traces(List<LoopbackRun.Connection> run) {
    return run.stream().map(LoopbackRun.Connection::trace).toList();
  }

  @Test
  void referenceRunWritesEveryFileAndEachHoldsTheRun() throws Exception {
    HandshakeConfig hc = HandshakeConfig.reference();
    List<LoopbackRun.Connection> run = LoopbackRun.run(hc);
    Trace t = run.get(0).trace();
    OutputFiles.RunFiles f = OutputFiles.writeRun(hc, traces(run), hc.seed(), dir, EMBEDDED);
    assertThat(f.problems()).isEmpty();

    // trace.jsonl: one line per event, the message_sent types in the trace's order.
    List<String> lines = Files.readAllLines(f.trace());
    assertThat(lines).hasSize(t.events().size());
    List<String> sent = new ArrayList<>();
    for (String line : lines) {
      JsonNode o = JSON.readTree(line);
      assertThat(o.get("connection").asInt()).isEqualTo(1);
      if (o.get("event").asText().equals("message_sent")) {
        sent.add(o.get("from").asText() + "." + (o.has("alert") ? o.get("alert").asText() : o.get("type").asText()));
      }
    }
    assertThat(sent).isEqualTo(t.labels()).startsWith("client.client_hello", "server.server_hello");

    // sequence.svg is the ladder diagram, drawn without Graphviz; sequence.dot its Graphviz grid.
    assertThat(Files.readString(f.sequenceDot())).isEqualTo(SequenceDiagram.dot(t, SequenceDiagram.Options.defaults()));
    assertThat(Files.readString(f.sequenceSvg())).isEqualTo(SequenceDiagram.svg(t, SequenceDiagram.Options.defaults(), 1));
    Document svg = xml(Files.readAllBytes(f.sequenceSvg()));
    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(svg.getDocumentElement().getTextContent()).contains("1. client_hello", "server_hello_done");
    assertThat(f.sequenceSvgs()).containsExactly(f.sequenceSvg());

    // capture.pcap: each direction's TCP payload is exactly the records the loopback delivered.
    ParsedPcap pcap = ParsedPcap.parse(Files.readAllBytes(f.pcap()));
    assertThat(payload(pcap, Side.CLIENT)).isEqualTo(delivered(t, Side.CLIENT));
    assertThat(payload(pcap, Side.SERVER)).isEqualTo(delivered(t, Side.SERVER));
    assertThat(pcap.packets()).allMatch(ParsedPcap.Packet::tcpChecksumValid);

    // keys.log: the client's random and the master secret both engines agreed on.
    Negotiated n = run.get(0).client().negotiated().orElseThrow();
    assertThat(Files.readString(f.keylog()))
        .isEqualTo("CLIENT_RANDOM " + n.clientRandom().hex().toLowerCase() + " " + n.masterSecret().hex().toLowerCase() + "\n");

    // report.html: parses, holds the diagram and one table row per message, links the files.
    Document html = xml(Files.readAllBytes(f.report()));
    assertThat(html.getElementsByTagName("svg").getLength()).isEqualTo(1);
    assertThat(html.getElementsByTagName("tbody").item(1).getChildNodes().getLength() - textNodes(html, 1))
        .isEqualTo(t.sent().size());
    String page = Files.readString(f.report());
    assertThat(page).contains("href=\"capture.pcap\"", "href=\"keys.log\"", "href=\"trace.jsonl\"", "established",
        "TLS_ECDHE_RSA_WITH_AES_");
  }

  @Test
  void resumedRunPutsBothConnectionsInTheTraceCaptureAndKeyLog() throws Exception {
    HandshakeConfig hc = HandshakeConfig.reference().withResumption(Resumption.ID).withSeed(7);
    List<LoopbackRun.Connection> run = LoopbackRun.run(hc);
    assertThat(run).hasSize(2);
    OutputFiles.RunFiles f = OutputFiles.writeRun(hc, traces(run), hc.seed(), dir, EMBEDDED);
    assertThat(f.problems()).isEmpty();
    assertThat(f.sequenceSvgs()).containsExactly(dir.resolve("sequence.svg"), dir.resolve("sequence-2.svg"));
    // hslab run numbers the messages of both connections in one sequence; so do the diagrams.
    int first = run.get(0).trace().sent().size();
    assertThat(Files.readString(dir.resolve("sequence-2.svg"))).contains("id=\"message-" + (first + 1) + "\"")
        .doesNotContain("id=\"message-1\"");
    Set<Integer> connections = new HashSet<>();
    for (String line : Files.readAllLines(f.trace())) {
      connections.add(JSON.readTree(line).get("connection").asInt());
    }
    assertThat(connections).containsExactlyInAnyOrder(1, 2);

    ParsedPcap pcap = ParsedPcap.parse(Files.readAllBytes(f.pcap()));
    Set<Integer> clientPorts = new HashSet<>();
    long previous = -1;
    for (ParsedPcap.Packet p : pcap.packets()) {
      if ((p.flags() & 0x12) == 0x02) { // SYN without ACK: a connection opens
        clientPorts.add(p.srcPort());
      }
      assertThat(p.timeMicros()).isGreaterThan(previous);
      previous = p.timeMicros();
    }
    assertThat(clientPorts).hasSize(2);
    // Two handshakes, two client randoms; resumption keeps the master secret (RFC 5246 §7.3).
    List<String> keys = Files.readAllLines(f.keylog());
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).split(" ")[2]).isEqualTo(keys.get(1).split(" ")[2]);
    assertThat(Files.readString(f.report())).contains("Connection 2 (resumed)");
  }

  @Test
  void aRunNeedsNoGraphviz() throws Exception {
    // The ladder diagram is drawn without Graphviz: a run's files are complete without any engine.
    List<Trace> t = traces(LoopbackRun.run(HandshakeConfig.reference()));
    RenderOptions broken = RenderOptions.defaults().withEngine(RenderOptions.Engine.NATIVE).withNativeDot(Path.of("/nonexistent/dot"));
    OutputFiles.RunFiles f = OutputFiles.writeRun(null, t, 1, dir, broken);
    assertThat(f.problems()).isEmpty();
    for (Path p : List.of(f.trace(), f.sequenceSvg(), f.sequenceDot(), f.pcap(), f.keylog(), f.report())) {
      assertThat(p).isNotEmptyFile();
    }
  }

  @Test
  void aRenderingFailureLeavesTheOtherFilesAndIsReported() throws Exception {
    RenderOptions broken = RenderOptions.defaults().withEngine(RenderOptions.Engine.NATIVE).withNativeDot(Path.of("/nonexistent/dot"));
    OutputFiles.ExplorationFiles f = OutputFiles.writeExploration(Explorations.tls12EcdheRsa(), null, dir, broken);
    assertThat(f.problems()).hasSize(3).allSatisfy(p -> assertThat(p).contains("/nonexistent/dot"));
    assertThat(f.paths()).isNull();
    for (String name : List.of("paths.dot", "client-states.dot", "server-states.dot", "report.html")) {
      assertThat(dir.resolve(name)).isNotEmptyFile();
    }
    assertThat(Files.readString(f.report())).contains("Diagram not rendered", "paths.dot");
  }

  @Test
  void explorationWritesThePathGraphBothStateMachinesAndTheReport() throws Exception {
    OutputFiles.ExplorationFiles f = OutputFiles.writeExploration(Explorations.tls12EcdheRsa(), "--version tls1.2 --kex ecdhe_rsa",
        dir, EMBEDDED);
    assertThat(f.problems()).isEmpty();
    assertThat(xml(Files.readAllBytes(f.paths())).getDocumentElement().getTextContent()).contains("[server.certificate_request]");
    assertThat(xml(Files.readAllBytes(f.clientStates())).getDocumentElement().getTextContent()).contains("WAIT_SERVER_HELLO");
    assertThat(xml(Files.readAllBytes(f.serverStates())).getDocumentElement().getTextContent()).contains("WAIT_CLIENT_HELLO");
    Document html = xml(Files.readAllBytes(f.report()));
    assertThat(html.getElementsByTagName("svg").getLength()).isEqualTo(3);
    assertThat(Files.readString(f.report())).contains("--version tls1.2 --kex ecdhe_rsa", "48 distinct message sequences");
    for (String name : List.of("paths.dot", "client-states.dot", "server-states.dot")) {
      assertThat(dir.resolve(name)).isNotEmptyFile();
    }
  }

  static Document xml(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(bytes));
  }

  private static int textNodes(Document d, int tbody) {
    var children = d.getElementsByTagName("tbody").item(tbody).getChildNodes();
    int n = 0;
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) {
        n++;
      }
    }
    return n;
  }

  private static byte[] payload(ParsedPcap pcap, Side from) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ParsedPcap.Packet p : pcap.packets()) {
      if ((p.dstPort() == 443) == (from == Side.CLIENT)) {
        out.writeBytes(p.payload());
      }
    }
    return out.toByteArray();
  }

  private static byte[] delivered(Trace t, Side from) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (TraceEvent e : t.events()) {
      if (e instanceof TraceEvent.OfNetwork n && n.from() == from) {
        out.writeBytes(n.bytes().toByteArray());
      }
    }
    return out.toByteArray();
  }
}
