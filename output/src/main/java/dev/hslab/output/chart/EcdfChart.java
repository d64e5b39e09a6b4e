package dev.hslab.output.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An empirical cumulative distribution per series, as SVG: the curve of a series stands at y = the
 * percentage of its trials whose value is at most x, so it rises by 100/total at each value and
 * levels off at the share of trials that produced one. Positive data is drawn on a logarithmic x
 * axis (handshake times spread over decades once retransmissions add seconds), else on a linear
 * one. The output depends only on the data: the same series give the same bytes.
 *
 * <p>Drawn parts carry classes a reader (or a test) can find: {@code plot} (the plotting area),
 * {@code x-axis} and {@code y-axis} (each tick a {@code tick} line and a {@code tick-label} text),
 * one {@code series} group per series with its {@code ecdf} path, and the {@code legend}.
 */
public final class EcdfChart {

  /** Okabe and Ito's colour-blind-safe palette, black left out (it is the axes' colour). */
  static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
      "#F0E442");

  public static final int WIDTH = 780;
  public static final int HEIGHT = 440;
  static final int LEFT = 72;
  static final int TOP = 48;
  static final int RIGHT = 530;
  static final int BOTTOM = 376;

  /** Words of the chart; the x label gets "(log scale)" when the axis is logarithmic. */
  public record Text(String title, String xLabel, String yLabel) {}

  private EcdfChart() {}

  /** The x scale the series are drawn on: logarithmic over positive data, else linear. */
  public static Scale xScale(List<Series> series) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : s.values()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min == Double.POSITIVE_INFINITY) {
      return Scale.Log.decades(1, 10, LEFT, RIGHT); // nothing to show: an empty decade
    }
    return min > 0 ? Scale.Log.decades(min, max, LEFT, RIGHT) : Scale.Linear.nice(min, max, 6, LEFT, RIGHT);
  }

  /** The y scale: percent of trials, 0 at the bottom, 100 at the top. */
  public static Scale yScale() {
    return new Scale.Linear(0, 100, BOTTOM, TOP, 20);
  }

  public static String svg(Text text, List<Series> series) {
    Scale x = xScale(series);
    Scale y = yScale();
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    b.append(textAt(LEFT, 26, "start", "title", "font-size=\"15\" font-weight=\"bold\"", text.title()));
    b.append("<rect class=\"plot\" x=\"").append(n(LEFT)).append("\" y=\"").append(n(TOP)).append("\" width=\"")
        .append(n(RIGHT - LEFT)).append("\" height=\"").append(n(BOTTOM - TOP)).append("\" fill=\"none\" stroke=\"#444\"/>\n");
    xAxis(b, x, text.xLabel() + (x instanceof Scale.Log ? " (log scale)" : ""));
    yAxis(b, y, text.yLabel());
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      b.append("<g class=\"series\" stroke=\"").append(colour(i)).append("\">\n");
      b.append("<title>").append(escape(s.label())).append("</title>\n");
      b.append("<path class=\"ecdf\" fill=\"none\" stroke-width=\"2\" d=\"").append(path(s, x, y)).append("\"/>\n");
      b.append("</g>\n");
    }
    legend(b, series);
    b.append("</svg>\n");
    return b.toString();
  }

  /**
   * The step curve: from the left edge at 0, across to each distinct value, up by the trials that
   * produced it, and on to the right edge at the share that produced any.
   */
  static String path(Series s, Scale x, Scale y) {
    StringBuilder d = new StringBuilder();
    d.append('M').append(n(x.apply(x.domainMin()))).append(' ').append(n(y.apply(0)));
    List<Double> v = s.values();
    int i = 0;
    while (i < v.size()) {
      int j = i;
      while (j < v.size() && v.get(j).equals(v.get(i))) {
        j++;
      }
      d.append(" H").append(n(x.apply(v.get(i)))).append(" V").append(n(y.apply(100.0 * j / s.total())));
      i = j;
    }
    d.append(" H").append(n(x.apply(x.domainMax())));
    return d.toString();
  }

  private static void xAxis(StringBuilder b, Scale x, String label) {
    b.append("<g class=\"x-axis\">\n");
    for (Tick t : x.ticks()) {
      String px = n(x.apply(t.value()));
      b.append("<line class=\"grid\" x1=\"").append(px).append("\" y1=\"").append(n(TOP)).append("\" x2=\"").append(px)
          .append("\" y2=\"").append(n(BOTTOM)).append("\" stroke=\"#e4e4e4\"/>\n");
      b.append("<line class=\"tick\" x1=\"").append(px).append("\" y1=\"").append(n(BOTTOM)).append("\" x2=\"").append(px)
          .append("\" y2=\"").append(n(BOTTOM + 5)).append("\" stroke=\"#444\"/>\n");
      b.append(textAt(x.apply(t.value()), BOTTOM + 18, "middle", "tick-label", "", t.label()));
    }
    b.append(textAt((LEFT + RIGHT) / 2.0, BOTTOM + 42, "middle", "axis-label", "", label));
    b.append("</g>\n");
  }

  private static void yAxis(StringBuilder b, Scale y, String label) {
    b.append("<g class=\"y-axis\">\n");
    for (Tick t : y.ticks()) {
      String py = n(y.apply(t.value()));
      b.append("<line class=\"grid\" x1=\"").append(n(LEFT)).append("\" y1=\"").append(py).append("\" x2=\"").append(n(RIGHT))
          .append("\" y2=\"").append(py).append("\" stroke=\"#e4e4e4\"/>\n");
      b.append("<line class=\"tick\" x1=\"").append(n(LEFT - 5)).append("\" y1=\"").append(py).append("\" x2=\"")
          .append(n(LEFT)).append("\" y2=\"").append(py).append("\" stroke=\"#444\"/>\n");
      b.append(textAt(LEFT - 8, y.apply(t.value()) + 4, "end", "tick-label", "", t.label()));
    }
    double mid = (TOP + BOTTOM) / 2.0;
    b.append("<text class=\"axis-label\" x=\"").append(n(20)).append("\" y=\"").append(n(mid))
        .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(n(20)).append(' ').append(n(mid)).append(")\">")
        .append(escape(label)).append("</text>\n");
    b.append("</g>\n");
  }

  private static void legend(StringBuilder b, List<Series> series) {
    b.append("<g class=\"legend\">\n");
    double top = TOP + 8;
    for (int i = 0; i < series.size(); i++) {
      double row = top + i * 20;
      b.append("<line x1=\"").append(n(RIGHT + 16)).append("\" y1=\"").append(n(row)).append("\" x2=\"").append(n(RIGHT + 40))
          .append("\" y2=\"").append(n(row)).append("\" stroke=\"").append(colour(i)).append("\" stroke-width=\"2\"/>\n");
      b.append(textAt(RIGHT + 46, row + 4, "start", "legend-label", "", series.get(i).label()));
    }
    b.append("</g>\n");
  }

  /** Series i's colour; past the palette the colours repeat. */
  static String colour(int i) {
    return COLOURS.get(i % COLOURS.size());
  }

  private static String textAt(double x, double y, String anchor, String cls, String extra, String text) {
    List<String> attrs = new ArrayList<>(List.of("class=\"" + cls + "\"", "x=\"" + n(x) + "\"", "y=\"" + n(y) + "\"",
        "text-anchor=\"" + anchor + "\""));
    if (!extra.isEmpty()) {
      attrs.add(extra);
    }
    return "<text " + String.join(" ", attrs) + ">" + escape(text) + "</text>\n";
  }

  /** Page coordinates with two decimals: enough for the eye, and byte-stable. */
  static String n(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    return s.equals("-0.00") ? "0.00" : s;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
