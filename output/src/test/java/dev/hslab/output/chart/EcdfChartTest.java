package dev.hslab.output.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The chart is read back the way a person reads it: the axis positions and labels printed on it
 * give the mapping from the page to data, and each curve's steps, mapped back through them, are
 * the series' values and cumulative shares. Nothing here uses the chart's own scales.
 */
class EcdfChartTest {

  private static final EcdfChart.Text TEXT = new EcdfChart.Text("Handshake time by loss rate", "handshake time (virtual ms)",
      "connections completed (%)");

  /** A drawn tick: its position on the page and its label. */
  record DrawnTick(double position, String label) {
    double value() {
      return Double.parseDouble(label);
    }
  }

  /** A step of a curve: the data value of the rise and the height reached, both read back. */
  record Step(double value, double percent) {}

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> byClass(Element root, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList all = root.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element axis(Document d, String cls) {
    return byClass(d.getDocumentElement(), cls).get(0);
  }

  private static List<DrawnTick> ticks(Document d, String axis, String coordinate) {
    Element a = axis(d, axis);
    List<Element> lines = byClass(a, "tick");
    List<Element> labels = byClass(a, "tick-label");
    assertThat(lines).hasSameSizeAs(labels);
    List<DrawnTick> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Element l = lines.get(i);
      assertThat(l.getAttribute(coordinate + "1")).isEqualTo(l.getAttribute(coordinate + "2"));
      out.add(new DrawnTick(Double.parseDouble(l.getAttribute(coordinate + "1")), labels.get(i).getTextContent()));
    }
    return out;
  }

  /** Page position to data value, from the first and last drawn ticks, logarithmic or linear. */
  private static double read(List<DrawnTick> ticks, double position, boolean log) {
    DrawnTick a = ticks.get(0);
    DrawnTick b = ticks.get(ticks.size() - 1);
    double f = (position - a.position()) / (b.position() - a.position());
    return log ? Math.pow(10, Math.log10(a.value()) + f * (Math.log10(b.value()) - Math.log10(a.value())))
        : a.value() + f * (b.value() - a.value());
  }

  private static final Pattern COMMAND = Pattern.compile("([MHV])\\s*(-?[0-9.]+)(?:\\s+(-?[0-9.]+))?");

  /** The rises of a step path, read back to data through the drawn axes. */
  private static List<Step> steps(Element path, List<DrawnTick> x, List<DrawnTick> y, boolean log) {
    Matcher m = COMMAND.matcher(path.getAttribute("d"));
    List<Step> out = new ArrayList<>();
    double px = Double.NaN;
    double py = Double.NaN;
    while (m.find()) {
      switch (m.group(1)) {
        case "M" -> {
          px = Double.parseDouble(m.group(2));
          py = Double.parseDouble(m.group(3));
          assertThat(read(y, py, false)).as("a curve starts at 0 %").isCloseTo(0, within(0.01));
          assertThat(px).as("a curve starts at the axis's left end").isEqualTo(x.get(0).position());
        }
        case "H" -> px = Double.parseDouble(m.group(2));
        case "V" -> {
          double to = Double.parseDouble(m.group(2));
          assertThat(to).as("an ECDF only rises").isLessThan(py);
          py = to;
          out.add(new Step(read(x, px, log), read(y, py, false)));
        }
        default -> throw new AssertionError(m.group());
      }
    }
    assertThat(px).as("a curve runs on to the axis's right end").isEqualTo(x.get(x.size() - 1).position());
    return out;
  }

  private static void assertStepsAre(List<Step> drawn, List<Double> values, List<Double> percents) {
    assertThat(drawn).hasSameSizeAs(values);
    for (int i = 0; i < drawn.size(); i++) {
      assertThat(drawn.get(i).value()).as("step %d's value", i).isCloseTo(values.get(i), within(values.get(i) * 0.002));
      assertThat(drawn.get(i).percent()).as("step %d's height", i).isCloseTo(percents.get(i), within(0.05));
    }
  }

  @Test
  void eachCurveRisesAtItsValuesByItsShareOfTrialsAndLevelsOffAtTheShareThatProducedOne() throws Exception {
    Series lossless = new Series("0%", List.of(31.5, 22.0, 40.25, 22.0, 78.0), 5);
    Series lossy = new Series("5%", List.of(1031.5, 22.5, 3022.0, 40.0), 5);
    Series lost = new Series("100%", List.of(), 3);
    Document d = parse(EcdfChart.svg(TEXT, List.of(lossless, lossy, lost)));
    List<DrawnTick> x = ticks(d, "x-axis", "x");
    List<DrawnTick> y = ticks(d, "y-axis", "y");

    assertThat(x).extracting(DrawnTick::label).containsExactly("10", "100", "1000", "10000");
    assertThat(y).extracting(DrawnTick::label).containsExactly("0", "20", "40", "60", "80", "100");
    // Equal decades are equally long, and the y ticks evenly spaced: the axes are what they say.
    for (int i = 1; i < x.size() - 1; i++) {
      assertThat(x.get(i + 1).position() - x.get(i).position()).isCloseTo(x.get(1).position() - x.get(0).position(),
          within(0.02));
    }
    for (int i = 1; i < y.size() - 1; i++) {
      assertThat(y.get(i + 1).position() - y.get(i).position()).isCloseTo(y.get(1).position() - y.get(0).position(),
          within(0.02));
    }
    assertThat(axis(d, "x-axis").getTextContent()).contains("handshake time (virtual ms) (log scale)");

    List<Element> series = byClass(d.getDocumentElement(), "series");
    assertThat(series).hasSize(3);
    assertStepsAre(steps(byClass(series.get(0), "ecdf").get(0), x, y, true), List.of(22.0, 31.5, 40.25, 78.0),
        List.of(40.0, 60.0, 80.0, 100.0));
    assertStepsAre(steps(byClass(series.get(1), "ecdf").get(0), x, y, true), List.of(22.5, 40.0, 1031.5, 3022.0),
        List.of(20.0, 40.0, 60.0, 80.0));
    assertThat(steps(byClass(series.get(2), "ecdf").get(0), x, y, true)).isEmpty();
  }

  @Test
  void everyValueLiesWithinTheXAxisAndTheLegendNamesEachCurveInItsColour() throws Exception {
    List<Series> all = List.of(new Series("loss 0%: 100% completed", List.of(4.0, 4.0), 2),
        new Series("loss 10% <&> \"quoted\"", List.of(4.0, 9.5), 3));
    Document d = parse(EcdfChart.svg(TEXT, all));
    List<DrawnTick> x = ticks(d, "x-axis", "x");
    assertThat(x).extracting(DrawnTick::label).containsExactly("1", "2", "5", "10");
    List<Element> series = byClass(d.getDocumentElement(), "series");
    List<Element> legend = byClass(d.getDocumentElement(), "legend-label");
    assertThat(legend).extracting(Element::getTextContent).containsExactly("loss 0%: 100% completed",
        "loss 10% <&> \"quoted\"");
    Element legendGroup = byClass(d.getDocumentElement(), "legend").get(0);
    NodeList swatches = legendGroup.getElementsByTagName("line");
    for (int i = 0; i < series.size(); i++) {
      assertThat(series.get(i).getElementsByTagName("title").item(0).getTextContent()).isEqualTo(all.get(i).label());
      assertThat(((Element) swatches.item(i)).getAttribute("stroke")).isEqualTo(series.get(i).getAttribute("stroke"));
    }
    assertThat(series.get(0).getAttribute("stroke")).isNotEqualTo(series.get(1).getAttribute("stroke"));
    assertStepsAre(steps(byClass(series.get(0), "ecdf").get(0), x, ticks(d, "y-axis", "y"), true), List.of(4.0),
        List.of(100.0));
    assertStepsAre(steps(byClass(series.get(1), "ecdf").get(0), x, ticks(d, "y-axis", "y"), true), List.of(4.0, 9.5),
        List.of(100.0 / 3, 200.0 / 3));
  }

  @Test
  void dataThatIsNotAllPositiveIsDrawnOnALinearAxis() throws Exception {
    Series s = new Series("zero latency", List.of(0.0, 1.5, 3.0, 3.0), 4);
    Document d = parse(EcdfChart.svg(TEXT, List.of(s)));
    List<DrawnTick> x = ticks(d, "x-axis", "x");
    assertThat(x).extracting(DrawnTick::label).containsExactly("0", "0.5", "1", "1.5", "2", "2.5", "3");
    assertThat(axis(d, "x-axis").getTextContent()).doesNotContain("log scale");
    assertStepsAre(steps(byClass(byClass(d.getDocumentElement(), "series").get(0), "ecdf").get(0), x,
        ticks(d, "y-axis", "y"), false).subList(1, 3), List.of(1.5, 3.0), List.of(50.0, 100.0));
  }

  @Test
  void theSameSeriesGiveTheSameBytes() {
    List<Series> s = List.of(new Series("a", List.of(12.0, 17.25, 1012.0), 4), new Series("b", List.of(), 1));
    assertThat(EcdfChart.svg(TEXT, s)).isEqualTo(EcdfChart.svg(TEXT, List.of(new Series("a", List.of(1012.0, 17.25, 12.0), 4),
        new Series("b", List.of(), 1))));
  }
}
