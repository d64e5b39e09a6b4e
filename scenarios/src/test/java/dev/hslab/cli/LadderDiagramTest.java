package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.actors.Simulations;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.output.diagram.Ladder;
import dev.hslab.output.diagram.SequenceDiagram;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/**
 * The ladder diagram (issue 20) is legible and true to the trace, for the gallery's reference run
 * and for runs the network spoiled: no text lies on another, no message label on a lifeline,
 * every message of the trace is drawn once, in trace order, as the {@code <g class="message"
 * id="message-N" data-index="N">} the interactive report finds it by (N as {@code hslab run}
 * numbers it); every arrow slopes down from the instant it was sent to the instant it arrived,
 * and a later time is always lower on the page; the faults are drawn where they happened; and the
 * flights are RFC 5246 §7.3's.
 */
class LadderDiagramTest {

  @TempDir Path dir;

  /** The runs drawn: a label, then {@code hslab run}'s flags. */
  private static final Map<String, List<String>> RUNS = new LinkedHashMap<>();

  static {
    RUNS.put("reference", List.of());
    RUNS.put("drop", List.of("--fault", "drop:server.server_hello_done"));
    RUNS.put("duplicate", List.of("--fault", "duplicate:client.client_key_exchange"));
    RUNS.put("reorder", List.of("--fault", "reorder:server.certificate"));
    RUNS.put("corrupt", List.of("--fault", "corrupt:client.finished:5"));
    RUNS.put("inject", List.of("--fault", "inject:client.finished:change_cipher_spec"));
    RUNS.put("delay", List.of("--fault", "delay:server.server_hello_done:3000"));
    RUNS.put("renegotiation by the client", List.of("--renegotiate", "client"));
    RUNS.put("renegotiation by the server", List.of("--renegotiate", "server", "--client-auth", "require"));
    RUNS.put("resumption by session ID", List.of("--resume", "id"));
    RUNS.put("resumption by ticket", List.of("--resume", "ticket", "--kex", "dhe_rsa"));
    RUNS.put("failed: no common version", List.of("--client-versions", "tls1.0-tls1.0", "--server-versions", "tls1.2-tls1.2"));
    RUNS.put("random faults", List.of("--loss", "0.2", "--dup", "0.2", "--reorder", "0.2", "--latency", "1-20", "--seed", "7"));
    RUNS.put("ssl3, client certificate", List.of("--version", "ssl3", "--kex", "dhe_rsa", "--client-auth", "require"));
    RUNS.put("psk with a hint", List.of("--kex", "psk", "--psk-hint"));
  }

  @Test
  void noTextOverlapsAnotherAndNoLabelALifeline() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<Trace>> run : runs().entrySet()) {
      int first = 1;
      for (Trace t : run.getValue()) {
        Ladder l = Ladder.of(t, SequenceDiagram.Options.defaults().withTitle(run.getKey()), first);
        String name = run.getKey() + " (from message " + first + ")";
        List<Ladder.TextBox> texts = l.texts();
        for (int i = 0; i < texts.size(); i++) {
          for (int j = i + 1; j < texts.size(); j++) {
            if (texts.get(i).overlaps(texts.get(j))) {
              problems.add(name + ": " + texts.get(i) + " overlaps " + texts.get(j));
            }
          }
          Ladder.TextBox box = texts.get(i);
          boolean spansTime = box.maxY() > l.lifelineTop() && box.minY() < l.lifelineBottom();
          for (Side s : Side.values()) {
            double x = l.lifelineX(s);
            if (spansTime && box.kind() != Ladder.TextKind.HEAD && box.minX() - 4 < x && box.maxX() + 4 > x) {
              problems.add(name + ": " + box + " lies on the " + s.label() + "'s lifeline");
            }
          }
          if (box.minX() < 0 || box.maxX() > l.width() || box.minY() < 0 || box.maxY() > l.height()) {
            problems.add(name + ": " + box + " outside the picture");
          }
        }
        first += t.sent().size();
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyMessageIsDrawnOnceInTraceOrderWithItsNumber() throws Exception {
    for (Map.Entry<String, List<Trace>> run : runs().entrySet()) {
      int first = 1;
      for (Trace t : run.getValue()) {
        String svg = SequenceDiagram.svg(t, SequenceDiagram.Options.defaults(), first);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList groups = doc.getElementsByTagName("g");
        List<Element> messages = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
          Element g = (Element) groups.item(i);
          if (g.getAttribute("class").equals("message")) {
            messages.add(g);
          }
        }
        List<Trace.Sent> sent = t.sent();
        assertThat(messages).as(run.getKey()).hasSameSizeAs(sent);
        for (int k = 0; k < sent.size(); k++) {
          Element g = messages.get(k);
          int n = first + k;
          assertThat(g.getAttribute("id")).as(run.getKey()).isEqualTo("message-" + n);
          assertThat(g.getAttribute("data-index")).isEqualTo(String.valueOf(n));
          assertThat(g.getAttribute("data-from")).isEqualTo(sent.get(k).from().label());
          assertThat(g.getElementsByTagName("line").getLength()).as("%s message %d has an arrow", run.getKey(), n)
              .isGreaterThanOrEqualTo(1);
          String label = g.getElementsByTagName("text").item(0).getTextContent();
          assertThat(label).as(run.getKey()).startsWith(n + ". ").contains(sent.get(k).message().label());
        }
        first += sent.size();
      }
    }
  }

  @Test
  void arrowsSlopeDownFromSendingToArrivalAndTheScaleIsMonotone() throws Exception {
    for (Map.Entry<String, List<Trace>> run : runs().entrySet()) {
      for (Trace t : run.getValue()) {
        Ladder l = Ladder.of(t, SequenceDiagram.Options.defaults(), 1);
        List<Ladder.Instant> in = l.instants();
        for (int i = 1; i < in.size(); i++) {
          assertThat(in.get(i).timeMs()).as(run.getKey()).isGreaterThanOrEqualTo(in.get(i - 1).timeMs());
          assertThat(in.get(i).y()).as(run.getKey()).isGreaterThan(in.get(i - 1).y());
        }
        List<Trace.Sent> sent = t.sent();
        int k = 0;
        for (Ladder.Arrow a : l.arrows()) {
          if (!a.injected()) {
            Trace.Sent s = sent.get(k++);
            assertThat(a.n()).isEqualTo(s.n());
            assertThat(a.sentMs()).as(run.getKey()).isEqualTo(s.timeMs());
            assertThat(a.start().x()).isEqualTo(l.lifelineX(s.from()));
            assertThat(yAt(l, a.sentMs(), a.start().y())).as("%s: %s starts at its sending time", run.getKey(), a.label())
                .isTrue();
          }
          assertThat(a.arrivedMs()).isGreaterThanOrEqualTo(a.sentMs());
          assertThat(a.end().y()).as("%s: %s", run.getKey(), a.label()).isGreaterThan(a.start().y());
          if (!a.lost()) {
            assertThat(a.end().x()).isEqualTo(l.lifelineX(a.from().peer()));
            assertThat(yAt(l, a.arrivedMs(), a.end().y())).as("%s: %s ends at its arrival", run.getKey(), a.label())
                .isTrue();
          }
        }
        assertThat(k).isEqualTo(sent.size());
      }
    }
  }

  @Test
  void faultsAreDrawnWhereTheyHappened() throws Exception {
    Map<String, List<Trace>> runs = runs();
    Ladder drop = Ladder.of(runs.get("drop").get(0), SequenceDiagram.Options.defaults(), 1);
    Ladder.Arrow lost = only(drop, "server_hello_done");
    assertThat(lost.lost()).isTrue();
    double mid = (drop.lifelineX(Side.CLIENT) + drop.lifelineX(Side.SERVER)) / 2;
    assertThat(lost.end().x()).isEqualTo(mid);
    assertThat(drop.arrows().stream().filter(Ladder.Arrow::lost)).hasSize(1);
    assertThat(drop.outcomeFailed()).isTrue();

    Ladder dup = Ladder.of(runs.get("duplicate").get(0), SequenceDiagram.Options.defaults(), 1);
    assertThat(only(dup, "client_key_exchange").copies()).hasSize(1);
    assertThat(only(dup, "client_key_exchange").fault()).isEqualTo("duplicated");

    Ladder reorder = Ladder.of(runs.get("reorder").get(0), SequenceDiagram.Options.defaults(), 1);
    Ladder.Arrow cert = only(reorder, "certificate");
    Ladder.Arrow ske = only(reorder, "server_key_exchange");
    // Sent before the ServerKeyExchange, arrived after it: the arrows cross.
    assertThat(cert.start().y()).isLessThan(ske.start().y());
    assertThat(cert.end().y()).isGreaterThan(ske.end().y());
    assertThat(cert.fault()).isEqualTo("reordered");

    Ladder corrupt = Ladder.of(runs.get("corrupt").get(0), SequenceDiagram.Options.defaults(), 1);
    assertThat(corrupt.arrows().stream().filter(a -> "corrupted".equals(a.fault()))).hasSize(1);

    Trace injectedRun = runs.get("inject").get(0);
    long injected = injectedRun.events().stream()
        .filter(e -> e instanceof TraceEvent.OfNetwork n && n.action() == NetworkAction.INJECTED).count();
    Ladder inject = Ladder.of(injectedRun, SequenceDiagram.Options.defaults(), 1);
    assertThat(injected).isEqualTo(1);
    assertThat(inject.arrows().stream().filter(Ladder.Arrow::injected)).hasSize(1);

    Ladder delay = Ladder.of(runs.get("delay").get(0), SequenceDiagram.Options.defaults(), 1);
    Ladder.Arrow late = only(delay, "server_hello_done");
    assertThat(late.arrivedMs() - late.sentMs()).isEqualTo(3001.0); // 3000 ms delay and 1 ms of latency
    assertThat(delay.cuts()).isNotEmpty();
  }

  /**
   * The flights of RFC 5246 §7.3 Figure 1 (full handshake) and Figure 2 (abbreviated), as the
   * RFC draws them, for the runs that send them.
   */
  @Test
  void theFlightsAreThoseOfRfc5246() throws Exception {
    Map<String, List<Trace>> runs = runs();
    assertThat(flights(runs.get("reference").get(0))).containsExactly(
        List.of("client_hello"),
        List.of("server_hello", "certificate", "server_key_exchange", "server_hello_done"),
        List.of("client_key_exchange", "change_cipher_spec", "finished"),
        List.of("change_cipher_spec", "finished"));
    assertThat(flights(runs.get("resumption by session ID").get(1))).containsExactly(
        List.of("client_hello"),
        List.of("server_hello", "change_cipher_spec", "finished"),
        List.of("change_cipher_spec", "finished"));
    // Client authentication requested on renegotiation: the second handshake's flights carry the
    // client's Certificate and CertificateVerify (Figure 1's starred messages).
    List<List<String>> reneg = flights(runs.get("renegotiation by the server").get(0));
    assertThat(reneg).contains(List.of("hello_request"),
        List.of("certificate", "client_key_exchange", "certificate_verify", "change_cipher_spec", "finished"));
  }

  @Test
  void theGalleryCommandWritesTheLadderAsSvgPngAndItsGridAsDot() throws Exception {
    for (String format : List.of("svg", "png", "dot")) {
      Path out = dir.resolve(format);
      RunCommandTest.Result r = RunCommandTest.hslab("render", "gallery", "--format", format, "--out", out.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      Path file = out.resolve("sequence-reference." + format);
      assertThat(r.out()).contains(file.toString());
      Gallery.Sequence q = Gallery.sequences().get("sequence-reference");
      switch (format) {
        case "svg" -> assertThat(Files.readString(file)).isEqualTo(SequenceDiagram.svg(q.trace(), q.options(), 1));
        case "dot" -> assertThat(Files.readString(file)).isEqualTo(SequenceDiagram.dot(q.trace(), q.options()));
        default -> {
          var image = ImageIO.read(file.toFile());
          Ladder l = Ladder.of(q.trace(), q.options(), 1);
          assertThat(image.getWidth()).isEqualTo((int) Math.ceil(Math.ceil(l.width()) * 2));
          assertThat(image.getHeight()).isEqualTo((int) Math.ceil(Math.ceil(l.height()) * 2));
        }
      }
    }
  }

  private static List<List<String>> flights(Trace t) {
    Ladder l = Ladder.of(t, SequenceDiagram.Options.defaults(), 1);
    List<List<String>> out = new ArrayList<>();
    for (Ladder.Flight f : l.flights()) {
      out.add(f.messages().stream().map(n -> t.sent().get(n - 1).message().label()).toList());
    }
    return out;
  }

  private static Ladder.Arrow only(Ladder l, String type) {
    List<Ladder.Arrow> found = l.arrows().stream().filter(a -> a.label().contains(". " + type)
        || a.label().contains(". [" + type + "]")).toList();
    assertThat(found).as(type).hasSize(1);
    return found.get(0);
  }

  /** Whether the scale put an instant of time {@code ms} at height {@code y}. */
  private static boolean yAt(Ladder l, double ms, double y) {
    return l.instants().stream().anyMatch(i -> i.timeMs() == ms && i.y() == y);
  }

  private static Map<String, List<Trace>> runs;

  /** Each run's connections, as {@code hslab run} with those flags runs them. */
  private static synchronized Map<String, List<Trace>> runs() throws Exception {
    if (runs != null) {
      return runs;
    }
    Map<String, List<Trace>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : RUNS.entrySet()) {
      RunCommand cmd = new RunCommand();
      new CommandLine(cmd).parseArgs(e.getValue().toArray(String[]::new));
      out.put(e.getKey(), Simulations.run(cmd.options.toConfig(), cmd.network.toOptions(cmd.loss.loss)).stream()
          .map(LoopbackRun.Connection::trace).toList());
    }
    runs = out;
    return out;
  }
}
