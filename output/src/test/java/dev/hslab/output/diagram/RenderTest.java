package dev.hslab.output.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.output.testkit.Explorations;
import dev.hslab.output.testkit.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every diagram kind renders to SVG and PNG with the embedded engine (what a fresh machine
 * without Graphviz uses): the SVG parses as XML and holds the expected node and edge labels and
 * edges; the PNG has the PNG signature and a non-trivial size.
 */
class RenderTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static Renderer renderer;

  @BeforeAll
  static void open() {
    renderer = Renderer.open(RenderOptions.defaults().withEngine(RenderOptions.Engine.EMBEDDED)
        .withEmbeddedLibraryDir(Path.of("target/j2v8")));
  }

  @AfterAll
  static void close() {
    renderer.close();
  }

  static Stream<Arguments> diagrams() {
    return Stream.of(
        Arguments.of("client states", StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults()),
            List.of("WAIT_SERVER_HELLO", "FAILED", "recv server_hello", "[full, server cert]", "/ client_hello", "key exchange"),
            moving(ClientTable.TABLE) + 1 + 4),
        Arguments.of("server states", StateGraph.dot(ServerTable.TABLE, StateGraph.Options.defaults()),
            List.of("WAIT_CLIENT_HELLO", "recv certificate_verify", "change cipher", "any other message", "recv no_renegotiation"),
            moving(ServerTable.TABLE) + 1 + 4),
        Arguments.of("sequence", SequenceDiagram.dot(Fixtures.faulty(), SequenceDiagram.Options.defaults()),
            List.of("client", "server", "1. client_hello", "4'. [server_key_exchange]", "(corrupted: byte 7 flipped)",
                "injected: hello_request"),
            -1),
        Arguments.of("sequence with drop", SequenceDiagram.dot(Fixtures.dropped(), SequenceDiagram.Options.defaults()),
            List.of("\u00d7 5. server_hello_done", "(dropped)", "waiting for server_hello_done"), -1),
        pathGraph());
  }

  /** Rows to another state are edges; rows that stay are lines under the state's name. */
  private static int moving(dev.hslab.model.handshake.TransitionTable<?> table) {
    return (int) table.rows().stream().filter(t -> t.from() != t.to()).count();
  }

  private static Arguments pathGraph() {
    String dot = PathGraph.dot(Explorations.tls12EcdheRsa(), PathGraph.Options.defaults());
    int edges = dot.split(" -> ", -1).length - 1;
    return Arguments.of("valid paths", dot,
        List.of("client.client_hello", "[server.certificate_request]", "server.no_renegotiation", "renegotiation 1", "48"),
        edges);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void rendersValidSvgWithTheExpectedLabels(String name, String dot, List<String> labels, int edges) throws Exception {
    byte[] svg = renderer.render(dot, Format.SVG);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    List<String> texts = new ArrayList<>();
    NodeList t = doc.getElementsByTagName("text");
    for (int i = 0; i < t.getLength(); i++) {
      texts.add(t.item(i).getTextContent());
    }
    String all = String.join("\n", texts);
    for (String label : labels) {
      assertThat(all).as(name).contains(label);
    }
    if (edges >= 0) {
      assertThat(countByClass(doc, "edge")).as("edges drawn").isEqualTo(edges);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void rendersPngOfNonTrivialSize(String name, String dot, List<String> labels, int edges) throws Exception {
    byte[] png = renderer.render(dot, Format.PNG);
    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
    assertThat(png.length).isGreaterThan(5_000);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isGreaterThan(200);
    assertThat(img.getHeight()).isGreaterThan(200);
  }

  @Test
  void writesFilesAndDotFormatIsTheSourceItself(@TempDir Path dir) throws Exception {
    String dot = StateGraph.dot(ClientTable.TABLE, StateGraph.Options.defaults());
    renderer.write(dot, Format.DOT, dir.resolve("a/client.dot"));
    renderer.write(dot, Format.SVG, dir.resolve("a/client.svg"));
    assertThat(Files.readString(dir.resolve("a/client.dot"))).isEqualTo(dot);
    assertThat(Files.readString(dir.resolve("a/client.svg"))).contains("<svg");
    assertThat(renderer.engineName()).isEqualTo("embedded");
  }

  @Test
  void badDotSourceGivesAClearErrorNotAHang() {
    assertThatThrownBy(() -> renderer.render("digraph { a -> }", Format.SVG))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("embedded Graphviz failed");
    // The engine is still usable afterwards.
    assertThat(new String(renderer.render("digraph { a -> b }", Format.SVG))).contains("<svg");
  }

  @Test
  void nativeEngineMissingIsAClearError() {
    assertThatThrownBy(() -> Renderer.open(RenderOptions.defaults().withEngine(RenderOptions.Engine.NATIVE)
        .withNativeDot(Path.of("/nonexistent/dot"))).render("digraph { a }", Format.SVG))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("/nonexistent/dot");
  }

  private static int countByClass(Document doc, String cls) {
    NodeList g = doc.getElementsByTagName("g");
    int n = 0;
    for (int i = 0; i < g.getLength(); i++) {
      if (cls.equals(((Element) g.item(i)).getAttribute("class"))) {
        n++;
      }
    }
    return n;
  }
}
