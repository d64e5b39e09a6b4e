package dev.hslab.output.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.output.testkit.Explorations;
import dev.hslab.output.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The report parses as XML (it is XHTML-compatible HTML5), holds its SVGs inline and one table
 * row per message, finding or matrix cell, escapes what it is given, and loads nothing from
 * anywhere else. Diagrams here are small hand-written SVGs: rendering is RenderTest's subject.
 */
class HtmlReportTest {

  private static final String SVG = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
      + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
      + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40pt\" height=\"20pt\" viewBox=\"0 0 40 20\"><text x=\"2\" y=\"12\">%s</text></svg>\n";

  private static Figure figure(String text) {
    return Figure.of(text + " caption", String.format(SVG, text));
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static NodeList xpath(Document d, String expr) throws Exception {
    var xp = XPathFactory.newInstance().newXPath();
    return (NodeList) xp.evaluate(expr, d, XPathConstants.NODESET);
  }

  private static List<String> texts(NodeList nodes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  private static HtmlReport everything() {
    HandshakeConfig hc = HandshakeConfig.reference();
    var run = LoopbackRun.run(hc).stream().map(LoopbackRun.Connection::trace).toList();
    RunView rv = new RunView("Run", hc, "model / model", run, List.of(figure("sequence")),
        List.of(new FileLink("capture", "capture.pcap"), new FileLink("key log", "keys.log")));
    ExplorationView ev = new ExplorationView("Exploration", "--kex ecdhe_rsa --version tls1.2", Explorations.tls12EcdheRsa(),
        figure("paths"), figure("client"), Figure.failed("server caption", "dot exited 1"));
    return HtmlReport.titled("Handshake Lab <test> & co").withRun(rv).withExploration(ev)
        .withFaultMatrix(List.of(
            new FaultMatrixRow("server.server_hello_done", "drop", "timeout client", "timeout client", true),
            new FaultMatrixRow("client.finished", "corrupt", "alert server bad_record_mac", "established", false)))
        .withConformance(List.of(
            new ConformanceRow("tls1.2 rsa", "jsse", List.of("client.client_hello", "server.server_hello"),
                List.of("client.client_hello", "server.server_hello"), true),
            new ConformanceRow("tls1.2 rsa", "bcjsse", List.of("client.client_hello", "server.certificate"),
                List.of("client.client_hello", "server.server_hello"), false)));
  }

  @Test
  void reportParsesAndHoldsEverySectionInlineSvgAndTableRow() throws Exception {
    HandshakeConfig hc = HandshakeConfig.reference();
    int messages = LoopbackRun.run(hc).get(0).trace().sent().size();
    Document d = parse(everything().html());
    assertThat(d.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(texts(xpath(d, "//*[local-name()='h1']"))).containsExactly("Handshake Lab <test> & co");
    assertThat(texts(xpath(d, "//*[local-name()='h2']"))).containsExactly("Run", "Exploration", "Fault matrix", "Conformance");
    // Four inline SVGs (one figure failed), their XML declarations and DOCTYPEs stripped.
    assertThat(texts(xpath(d, "//*[local-name()='svg' and namespace-uri()='http://www.w3.org/2000/svg']")))
        .containsExactly("sequence", "paths", "client");
    assertThat(texts(xpath(d, "//*[local-name()='figcaption']")))
        .containsExactly("sequence caption", "paths caption", "client caption", "server caption");
    assertThat(texts(xpath(d, "//*[@class='note fail']"))).containsExactly("Diagram not rendered: dot exited 1");
    // The run's numbered sequence: one row per message, numbered 1..n, ChangeCipherSpec not optional.
    NodeList seqRows = xpath(d, "//*[local-name()='table' and contains(@class,'seq')]/*[local-name()='tbody']/*[local-name()='tr']");
    assertThat(seqRows.getLength()).isEqualTo(messages);
    assertThat(seqRows.item(0).getTextContent()).startsWith("1client \u2192 serverclient_hello");
    assertThat(texts(xpath(d, "//*[local-name()='tr' and contains(@class,'enc')]/*[local-name()='td'][3]")))
        .contains("finished", "application_data", "close_notify");
    // Negotiated parameters and outcome.
    assertThat(texts(xpath(d, "//*[local-name()='span' and @class='badge ok']"))).contains("established");
    // Exploration: 48 distinct sequences, 240 configurations.
    assertThat(xpath(d, "//*[local-name()='table' and contains(@class,'paths')]/*[local-name()='tbody']/*[local-name()='tr']")
        .getLength()).isEqualTo(48);
    assertThat(everything().html()).contains("240 (48 distinct message sequences)");
    // Fault matrix and conformance: rows, verdicts, the first differing message marked.
    assertThat(texts(xpath(d, "//*[local-name()='tr' and @class='faulty']/*[local-name()='td'][1]")))
        .contains("client.finished", "tls1.2 rsa");
    assertThat(texts(xpath(d, "//*[contains(@class,'diff')]/@title"))).containsExactly("server.certificate", "server.server_hello");
    assertThat(texts(xpath(d, "//*[local-name()='a']/@href"))).contains("capture.pcap", "keys.log", "#s1", "#s4");
  }

  @Test
  void violationsAreListedWithTheirShortestTraces() throws Exception {
    // A client that takes Finished before ChangeCipherSpec: a dropped CCS exposes it.
    var planted = dev.hslab.model.explore.Explorer.explore(dev.hslab.model.explore.ExploreOptions.of(
        List.of(dev.hslab.model.explore.Configuration.of(dev.hslab.model.wire.ProtocolVersion.TLS12,
            dev.hslab.model.suite.KeyExchange.RSA))).withFaults(1)
        .withFaultKinds(dev.hslab.model.fault.FaultKind.DROP)
        .withTables(dev.hslab.model.handshake.BuggyTables.clientSkipsChangeCipherSpec(),
            dev.hslab.model.handshake.ServerTable.TABLE));
    assertThat(planted.violations()).isNotEmpty();
    Document d = parse(HtmlReport.titled("t").withExploration(new ExplorationView("E", null, planted, null, null, null)).html());
    String page = d.getDocumentElement().getTextContent();
    assertThat(page).contains("Scope: the whole configuration space", "Violations (" + planted.violationCount() + ")");
    assertThat(xpath(d, "//*[@class='finding']").getLength()).isEqualTo(planted.violations().size() + planted.deadlocks().size());
    assertThat(texts(xpath(d, "(//*[@class='finding'])[1]//*[local-name()='li']")))
        .isEqualTo(planted.violations().get(0).labels())
        .endsWith("drop server.change_cipher_spec");
    assertThat(page).contains("ESTABLISHED_ONLY_AFTER_FINISHED", "problems found");
    assertThat(texts(xpath(d, "//*[local-name()='td'][@class='mono']"))).containsAll(planted.outcomes().keySet());
  }

  @Test
  void userTextIsEscapedAndNothingIsLoadedFromElsewhere() throws Exception {
    String html = HtmlReport.titled("x").withFaultMatrix(List.of(
        new FaultMatrixRow("<script>alert(1)</script>", "a\"b", "&amp;", "\u0001", true))).html();
    Document d = parse(html);
    assertThat(xpath(d, "//*[local-name()='script']").getLength()).isZero();
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&amp;amp;").doesNotContain("\u0001");
    String all = everything().html();
    assertThat(all).doesNotContain("<link", "<img", "src=\"http", "href=\"http", "@import", "url(", "fetch(",
        "XMLHttpRequest", "WebSocket", "import(");
    // The inspector's script and data are inline: no script element names a source.
    NodeList scripts = xpath(parse(all), "//*[local-name()='script']");
    assertThat(scripts.getLength()).isEqualTo(2);
    for (int i = 0; i < scripts.getLength(); i++) {
      assertThat(((org.w3c.dom.Element) scripts.item(i)).hasAttribute("src")).isFalse();
    }
  }

  @Test
  void aFigureIsEitherAnSvgOrAProblem() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Figure("c", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Figure("c", "<svg/>", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Writes a sample report to target/ for looking at in a browser (not an assertion). */
  @Test
  void writesASampleReportForPeople() throws Exception {
    Path out = Path.of("target/report-sample.html");
    everything().write(out);
    assertThat(Files.size(out)).isGreaterThan(10_000);
  }
}
