package dev.hslab.output.diagram;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run drawn as a ladder diagram, the way network textbooks draw a handshake: the client's and
 * the server's lifelines, time running down, and each message an arrow from the moment it was
 * sent (at the sender) to the moment it arrived (at the receiver), so latency slopes it. The
 * coordinates are computed here from the trace's virtual times, without Graphviz; {@link
 * LadderSvg} draws them. Every text's box is kept, so a test can check that none overlaps another.
 *
 * <p>The vertical scale is piecewise so messages sent at one instant stay legible: every instant
 * at which something happened (a message sent or arriving, a note) is at least {@link #ROW}
 * pixels below the one before; otherwise time is {@link #PX_PER_MS} pixels per millisecond, and
 * a quiet gap longer than {@link #CUT_MS} ms is cut to {@link #CUT_PX} pixels and marked on the
 * axis. The scale is monotone: a later time is always lower.
 *
 * <p>A flight (RFC 5246 §7.3: the messages one side sends in one go before it waits for its peer)
 * is what the sender's engine sent in one step: consecutive handshake messages from one side at
 * one virtual time, with nothing of the peer's or the network's between them in the trace.
 */
public final class Ladder {

  /** The least vertical gap between two instants. */
  static final double ROW = 24;
  /** Vertical pixels per virtual millisecond, for gaps up to {@link #CUT_MS}. */
  static final double PX_PER_MS = 40;
  /** A quiet gap longer than this (ms) is cut short. */
  static final double CUT_MS = 3;
  /** The drawn height of a cut gap. */
  static final double CUT_PX = PX_PER_MS * CUT_MS + 24;

  static final double LABEL_SIZE = 11;
  static final double NOTE_SIZE = 10;
  static final double SMALL_SIZE = 10;
  static final double HEAD_SIZE = 12;
  static final double TITLE_SIZE = 14;
  static final double LINE = 13;

  /** What a text is, for the overlap test and the drawing. */
  public enum TextKind { TITLE, HEAD, TICK, CUT, FLIGHT, LABEL, NOTE, OUTCOME, LEGEND }

  public record Point(double x, double y) {}

  /**
   * A text's box, a convex quadrilateral: a rotated rectangle for a message's label (it runs along
   * its arrow), an upright one for the rest. {@code message} is the label's message number, else 0.
   */
  public record TextBox(TextKind kind, String text, int message, List<Point> corners) {

    public TextBox {
      corners = List.copyOf(corners);
    }

    /** Whether the boxes share more than a hairline (separating axis theorem on both polygons). */
    public boolean overlaps(TextBox o) {
      return !separated(corners, o.corners) && !separated(o.corners, corners);
    }

    public double minX() {
      return corners.stream().mapToDouble(Point::x).min().orElseThrow();
    }

    public double maxX() {
      return corners.stream().mapToDouble(Point::x).max().orElseThrow();
    }

    public double minY() {
      return corners.stream().mapToDouble(Point::y).min().orElseThrow();
    }

    public double maxY() {
      return corners.stream().mapToDouble(Point::y).max().orElseThrow();
    }

    /** Whether the segment from {@code a} to {@code b} enters the box. */
    public boolean crossedBy(Point a, Point b) {
      if (inside(a) || inside(b)) {
        return true;
      }
      for (int i = 0; i < corners.size(); i++) {
        if (segmentsCross(a, b, corners.get(i), corners.get((i + 1) % corners.size()))) {
          return true;
        }
      }
      return false;
    }

    private boolean inside(Point p) {
      int sign = 0;
      for (int i = 0; i < corners.size(); i++) {
        Point c = corners.get(i);
        Point d = corners.get((i + 1) % corners.size());
        double cross = (d.x() - c.x()) * (p.y() - c.y()) - (d.y() - c.y()) * (p.x() - c.x());
        int s = cross > 1e-9 ? 1 : cross < -1e-9 ? -1 : 0;
        if (s == 0) {
          return false; // on the edge: touching, not inside
        }
        if (sign == 0) {
          sign = s;
        } else if (s != sign) {
          return false;
        }
      }
      return true;
    }

    private static boolean separated(List<Point> a, List<Point> b) {
      for (int i = 0; i < a.size(); i++) {
        Point p = a.get(i);
        Point q = a.get((i + 1) % a.size());
        double nx = q.y() - p.y();
        double ny = p.x() - q.x();
        double len = Math.hypot(nx, ny);
        if (len == 0) {
          continue;
        }
        double[] pa = project(a, nx / len, ny / len);
        double[] pb = project(b, nx / len, ny / len);
        if (pa[1] <= pb[0] + 0.5 || pb[1] <= pa[0] + 0.5) {
          return true;
        }
      }
      return false;
    }

    private static double[] project(List<Point> ps, double nx, double ny) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (Point p : ps) {
        double v = p.x() * nx + p.y() * ny;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      return new double[] {lo, hi};
    }

    private static boolean segmentsCross(Point a, Point b, Point c, Point d) {
      double d1 = orient(c, d, a);
      double d2 = orient(c, d, b);
      double d3 = orient(a, b, c);
      double d4 = orient(a, b, d);
      return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double orient(Point a, Point b, Point c) {
      return (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
    }

    static TextBox upright(TextKind kind, String text, double x, double y, double w, double h) {
      return new TextBox(kind, text, 0, List.of(new Point(x, y), new Point(x + w, y), new Point(x + w, y + h),
          new Point(x, y + h)));
    }
  }

  /**
   * One arrow. A numbered message has {@code n} (as {@code hslab run} numbers it), an injected
   * record 0. {@code end} is where it arrived; a lost record's arrow stops half way, at
   * {@code end}, in a cross; {@code copies} are where the duplicates a network made arrived.
   */
  public record Arrow(int n, Side from, double sentMs, double arrivedMs, Point start, Point end, boolean lost,
      boolean optional, boolean encrypted, String fault, String label, String title, List<Point> copies,
      List<Double> copiesMs, TextBox labelBox, double labelAngle, Point labelAt) {

    public Arrow {
      copies = List.copyOf(copies);
      copiesMs = List.copyOf(copiesMs);
    }

    public boolean injected() {
      return n == 0;
    }
  }

  /** A flight: its number, sender, messages (by number), bracket and label. */
  public record Flight(int number, Side side, List<Integer> messages, double x, double top, double bottom,
      TextBox name, TextBox members) {}

  /** A note beside one side's lifeline (established, an alert, a timeout, closed). */
  public record Note(Side side, List<String> lines, boolean failure, TextBox box) {}

  /** An instant of the trace and where the scale put it. */
  public record Instant(double timeMs, double y) {}

  /** A tick of the time axis; {@code label} null when a nearer tick already says it. */
  public record Tick(double y, String label, TextBox box) {}

  private final String title;
  private final double width;
  private final double height;
  private final Map<Side, Double> lifelineX;
  private final double lifelineTop;
  private final double lifelineBottom;
  private final double axisX;
  private final List<Tick> ticks;
  private final List<Double> cuts;
  private final List<Arrow> arrows;
  private final List<Flight> flights;
  private final List<Note> notes;
  private final Map<Side, Double> protectedFrom;
  private final List<Instant> instants;
  private final List<TextBox> texts;
  private final TextBox outcome;
  private final boolean outcomeFailed;
  private final List<TextBox> legend;
  private final Map<Side, TextBox> heads;

  private Ladder(Builder b) {
    title = b.title;
    width = b.width;
    height = b.height;
    lifelineX = b.lifelineX;
    lifelineTop = b.lifelineTop;
    lifelineBottom = b.lifelineBottom;
    axisX = b.axisX;
    ticks = List.copyOf(b.ticks);
    cuts = List.copyOf(b.cuts);
    arrows = List.copyOf(b.arrows);
    flights = List.copyOf(b.flights);
    notes = List.copyOf(b.notes);
    protectedFrom = b.protectedFrom;
    instants = List.copyOf(b.instants);
    texts = List.copyOf(b.texts);
    outcome = b.outcome;
    outcomeFailed = b.outcomeFailed;
    legend = List.copyOf(b.legend);
    heads = b.heads;
  }

  /**
   * Lays {@code trace} out.
   *
   * @param firstNumber the number of the trace's first message, as {@code hslab run} numbers the
   *     messages of every connection in one sequence (1 for the first connection)
   */
  public static Ladder of(Trace trace, SequenceDiagram.Options options, int firstNumber) {
    // Two passes: the first finds which notes share their height with a flight's name and must
    // stand further out; the second lays the columns out for just those.
    Builder first = new Builder(trace, options, firstNumber, null);
    first.build();
    return new Builder(trace, options, firstNumber, first.outerNotes).build();
  }

  public String title() {
    return title;
  }

  public double width() {
    return width;
  }

  public double height() {
    return height;
  }

  public double lifelineX(Side side) {
    return lifelineX.get(side);
  }

  public double lifelineTop() {
    return lifelineTop;
  }

  public double lifelineBottom() {
    return lifelineBottom;
  }

  public double axisX() {
    return axisX;
  }

  public List<Tick> ticks() {
    return ticks;
  }

  /** The y of each cut gap's mark on the axis. */
  public List<Double> cuts() {
    return cuts;
  }

  /** The arrows in trace order: numbered messages in sending order, injected records among them. */
  public List<Arrow> arrows() {
    return arrows;
  }

  public List<Flight> flights() {
    return flights;
  }

  public List<Note> notes() {
    return notes;
  }

  /** From which y each side's records are protected (its first encrypted message); absent if never. */
  public Map<Side, Double> protectedFrom() {
    return protectedFrom;
  }

  /** Every instant, in time order, with its y. */
  public List<Instant> instants() {
    return instants;
  }

  /** Every text in the picture with its box. */
  public List<TextBox> texts() {
    return texts;
  }

  public TextBox outcome() {
    return outcome;
  }

  public boolean outcomeFailed() {
    return outcomeFailed;
  }

  public List<TextBox> legend() {
    return legend;
  }

  public TextBox head(Side side) {
    return heads.get(side);
  }

  /** The SVG document. */
  public String svg() {
    return LadderSvg.write(this);
  }

  /** Milliseconds as the axis prints them: {@code 3}, {@code 2.5}, {@code 0.125}. */
  static String ms(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  // ---------------------------------------------------------------------------------------------

  /** What happened at one instant, before the scale places it. */
  private record Moment(double timeMs, double order) {}

  /** A numbered message or an injected record, read from the trace. */
  private static final class Item {
    int n;
    Side from;
    Moment sent;
    Moment arrived;
    boolean lost;
    boolean optional;
    boolean encrypted;
    boolean handshake;
    String name;
    String fault;
    String faultDetail;
    int bytes;
    String title;
    final List<Moment> copies = new ArrayList<>();
    int eventIndex;
  }

  private record NoteItem(Side side, String text, boolean failure, Moment at) {}

  private static final class Builder {
    final Trace trace;
    final SequenceDiagram.Options options;
    final int firstNumber;
    String title;
    double width;
    double height;
    final Map<Side, Double> lifelineX = new EnumMap<>(Side.class);
    double lifelineTop;
    double lifelineBottom;
    double axisX;
    final List<Tick> ticks = new ArrayList<>();
    final List<Double> cuts = new ArrayList<>();
    final List<Arrow> arrows = new ArrayList<>();
    final List<Flight> flights = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    final Map<Side, Double> protectedFrom = new EnumMap<>(Side.class);
    final List<Instant> instants = new ArrayList<>();
    final List<TextBox> texts = new ArrayList<>();
    TextBox outcome;
    boolean outcomeFailed;
    final List<TextBox> legend = new ArrayList<>();
    final Map<Side, TextBox> heads = new EnumMap<>(Side.class);

    /** Which notes (by index) stand beyond the flights' names; null: all, in the first pass. */
    final java.util.Set<Integer> givenOuter;
    final java.util.Set<Integer> outerNotes = new java.util.TreeSet<>();

    Builder(Trace trace, SequenceDiagram.Options options, int firstNumber, java.util.Set<Integer> outer) {
      this.givenOuter = outer;
      this.trace = trace;
      this.options = options;
      this.firstNumber = firstNumber;
      this.title = options.title();
    }

    Ladder build() {
      List<TraceEvent> events = trace.events();
      List<Item> items = items(events);
      List<NoteItem> noteItems = options.notes() ? noteItems(events) : List.of();
      List<List<Item>> flightItems = flights(items, events);

      // The scale: every moment in time order, then its y.
      List<Moment> moments = new ArrayList<>();
      for (Item it : items) {
        if (it.sent != null) {
          moments.add(it.sent);
        }
        moments.add(it.arrived);
        moments.addAll(it.copies);
      }
      noteItems.forEach(n -> moments.add(n.at()));
      moments.sort(Comparator.comparingDouble(Moment::timeMs).thenComparingDouble(Moment::order));

      // Horizontal layout: axis | client notes | client flights | client ... server | server flights | server notes
      double labelMax = 0;
      for (Item it : items) {
        // An injected record's arrow starts half way: its label has half the room.
        labelMax = Math.max(labelMax, TextWidth.of(label(it), LABEL_SIZE, false) * (it.n == 0 ? 2 : 1));
      }
      Map<Side, Double> noteW = new EnumMap<>(Side.class);
      Map<Side, Double> flightW = new EnumMap<>(Side.class);
      for (Side s : Side.values()) {
        noteW.put(s, 0.0);
        flightW.put(s, 0.0);
      }
      for (int k = 0; k < noteItems.size(); k++) {
        NoteItem n = noteItems.get(k);
        for (String line : n.text().split("\n")) {
          double w = TextWidth.of(line, NOTE_SIZE, false) + 12;
          if (givenOuter == null || givenOuter.contains(k)) {
            noteW.merge(n.side(), w, Math::max);
          } else {
            flightW.merge(n.side(), w + 8, Math::max);
          }
        }
      }
      for (int f = 0; f < flightItems.size(); f++) {
        List<Item> fl = flightItems.get(f);
        Side s = fl.get(0).from;
        flightW.merge(s, Math.max(TextWidth.of(flightName(f + 1), SMALL_SIZE, true),
            TextWidth.of(flightMembers(fl), SMALL_SIZE, false)) + 22, Math::max);
      }
      double tickW = 0;
      for (Moment m : moments) {
        tickW = Math.max(tickW, TextWidth.of(ms(m.timeMs()) + " ms", SMALL_SIZE, false));
      }
      axisX = 12 + tickW + 8;
      double gap = 18;
      double clientX = axisX + gap + noteW.get(Side.CLIENT) + (noteW.get(Side.CLIENT) > 0 ? 8 : 0)
          + flightW.get(Side.CLIENT) + 10;
      double span = Math.max(380, labelMax + 90);
      double serverX = clientX + span;
      lifelineX.put(Side.CLIENT, clientX);
      lifelineX.put(Side.SERVER, serverX);
      double right = serverX + 10 + flightW.get(Side.SERVER) + (noteW.get(Side.SERVER) > 0 ? 8 : 0)
          + noteW.get(Side.SERVER) + gap;

      // Vertical: title, heads, then the instants.
      double y = 14;
      if (title != null) {
        texts.add(TextBox.upright(TextKind.TITLE, title, 12, y, TextWidth.of(title, TITLE_SIZE, true), TITLE_SIZE + 3));
        y += TITLE_SIZE + 14;
      }
      for (Side s : Side.values()) {
        String name = s.label();
        double w = TextWidth.of(name, HEAD_SIZE, true) + 24;
        TextBox head = TextBox.upright(TextKind.HEAD, name, lifelineX.get(s) - w / 2, y, w, HEAD_SIZE + 12);
        heads.put(s, head);
        texts.add(head);
      }
      lifelineTop = y + HEAD_SIZE + 12;
      double first = lifelineTop + 34;

      Map<Moment, Double> yOf = new HashMap<>();
      double prevY = first;
      Moment prev = null;
      for (Moment m : moments) {
        double at;
        if (prev == null) {
          at = first;
        } else {
          double dt = m.timeMs() - prev.timeMs();
          double step = dt <= CUT_MS ? dt * PX_PER_MS : CUT_PX;
          at = prevY + Math.max(ROW, step);
          if (dt > CUT_MS) {
            cuts.add((prevY + at) / 2);
          }
        }
        yOf.put(m, at);
        instants.add(new Instant(m.timeMs(), at));
        prevY = at;
        prev = m;
      }
      double lastY = prevY;

      // The axis: a tick at each instant's time, labelled at the first instant of that time.
      Double lastTime = null;
      for (Instant i : instants) {
        if (lastTime != null && lastTime == i.timeMs()) {
          continue;
        }
        lastTime = i.timeMs();
        String text = ms(i.timeMs()) + " ms";
        double w = TextWidth.of(text, SMALL_SIZE, false);
        TextBox box = TextBox.upright(TextKind.TICK, text, axisX - 6 - w, i.y() - SMALL_SIZE * 0.45, w, SMALL_SIZE);
        ticks.add(new Tick(i.y(), text, box));
        texts.add(box);
      }
      for (double c : cuts) {
        texts.add(TextBox.upright(TextKind.CUT, "\u2248", axisX - 5, c - 7, 10, 12));
      }

      // Flights: a bracket beside the sender's lifeline, its name beyond it.
      Map<Side, Double> flightFree = new EnumMap<>(Side.class);
      for (int f = 0; f < flightItems.size(); f++) {
        List<Item> fl = flightItems.get(f);
        Side s = fl.get(0).from;
        double top = yOf.get(fl.get(0).sent) - 5;
        double bottom = yOf.get(fl.get(fl.size() - 1).sent) + 5;
        double bx = s == Side.CLIENT ? clientX - 10 : serverX + 10;
        double ly = Math.max(top - 2, flightFree.getOrDefault(s, 0.0));
        String name = flightName(f + 1);
        String members = flightMembers(fl);
        double wn = TextWidth.of(name, SMALL_SIZE, true);
        double wm = TextWidth.of(members, SMALL_SIZE, false);
        TextBox nb = TextBox.upright(TextKind.FLIGHT, name, s == Side.CLIENT ? bx - 8 - wn : bx + 8, ly, wn, SMALL_SIZE + 2);
        TextBox mb = TextBox.upright(TextKind.FLIGHT, members, s == Side.CLIENT ? bx - 8 - wm : bx + 8, ly + LINE, wm,
            SMALL_SIZE + 2);
        flightFree.put(s, ly + 2 * LINE + 6);
        texts.add(nb);
        texts.add(mb);
        flights.add(new Flight(f + 1, s, fl.stream().map(i -> i.n).toList(), bx, top, Math.max(bottom, top + 10), nb, mb));
      }

      // Notes: one row per group of notes with no message sent between them, both sides aligned.
      List<List<NoteItem>> groups = noteGroups(noteItems, items);
      double noteFree = 0;
      for (List<NoteItem> g : groups) {
        double rowTop = Math.max(yOf.get(g.get(g.size() - 1).at()) - 8, noteFree);
        Map<Side, Double> cursor = new EnumMap<>(Side.class);
        for (NoteItem n : g) {
          int index = noteItems.indexOf(n);
          List<String> lines = List.of(n.text().split("\n"));
          double w = 0;
          for (String l : lines) {
            w = Math.max(w, TextWidth.of(l, NOTE_SIZE, false));
          }
          w += 12;
          double h = lines.size() * (NOTE_SIZE + 3) + 8;
          double top = cursor.getOrDefault(n.side(), rowTop);
          // Beside the lifeline unless a flight's name stands at that height on that side.
          boolean outer = false;
          for (Flight f : flights) {
            if (f.side() == n.side() && f.name().minY() < top + h + 2 && f.members().maxY() + 2 > top) {
              outer = true;
            }
          }
          if (outer) {
            outerNotes.add(index);
          }
          if (givenOuter != null) {
            outer = givenOuter.contains(index);
          }
          double x = outer ? (n.side() == Side.CLIENT ? clientX - 10 - flightW.get(Side.CLIENT) - 8 - w
              : serverX + 10 + flightW.get(Side.SERVER) + 8)
              : (n.side() == Side.CLIENT ? clientX - 12 - w : serverX + 12);
          TextBox box = TextBox.upright(TextKind.NOTE, n.text(), x, top, w, h);
          cursor.put(n.side(), top + h + 4);
          notes.add(new Note(n.side(), lines, n.failure(), box));
          texts.add(box);
        }
        noteFree = cursor.values().stream().mapToDouble(Double::doubleValue).max().orElse(rowTop) + 6;
      }

      // Arrows, then their labels placed where they are clear of the others.
      for (Item it : items) {
        Side to = it.from.peer();
        double x0 = lifelineX.get(it.from);
        double x1 = lifelineX.get(to);
        Point start = it.sent == null ? new Point((x0 + x1) / 2, yOf.get(it.arrived) - ROW * 0.75)
            : new Point(x0, yOf.get(it.sent));
        Point arrivedAt = new Point(x1, yOf.get(it.arrived));
        Point end = it.lost ? new Point((x0 + x1) / 2, (start.y() + arrivedAt.y()) / 2) : arrivedAt;
        List<Point> copies = it.copies.stream().map(c -> new Point(x1, yOf.get(c))).toList();
        if (it.encrypted && it.sent != null) {
          protectedFrom.merge(it.from, start.y(), Math::min);
        }
        arrows.add(new Arrow(it.n, it.from, it.sent == null ? it.arrived.timeMs() : it.sent.timeMs(),
            it.arrived.timeMs(), start, end, it.lost, it.optional, it.encrypted, it.fault, label(it), it.title, copies,
            it.copies.stream().map(Moment::timeMs).toList(), null, 0, null));
      }
      placeLabels();

      // The lifelines end below the last instant and every note; then the outcome and the legend.
      double bottom = lastY + 26;
      for (TextBox t : texts) {
        bottom = Math.max(bottom, t.maxY() + 8);
      }
      lifelineBottom = bottom;
      double oy = bottom + 14;
      outcomeFailed = !trace.outcome().established();
      String outcomeText = "outcome: " + trace.outcome().describe();
      double ow = TextWidth.of(outcomeText, NOTE_SIZE + 1, true) + 20;
      outcome = TextBox.upright(TextKind.OUTCOME, outcomeText, (clientX + serverX) / 2 - ow / 2, oy, ow, NOTE_SIZE + 13);
      texts.add(outcome);
      double ly = oy + NOTE_SIZE + 13 + 16;
      double legendW = 0;
      for (String line : legendLines()) {
        double w = TextWidth.of(line, SMALL_SIZE, false);
        TextBox box = TextBox.upright(TextKind.LEGEND, line, 12, ly, w, SMALL_SIZE + 2);
        legend.add(box);
        texts.add(box);
        legendW = Math.max(legendW, w);
        ly += LINE;
      }
      height = ly + 10;
      double titleW = title == null ? 0 : TextWidth.of(title, TITLE_SIZE, true) + 24;
      width = Math.max(Math.max(right, legendW + 24), Math.max(titleW, outcome.maxX() + 12));
      return new Ladder(this);
    }

    /** Each arrow's label along its arrow, at the first place along it that is clear. */
    private void placeLabels() {
      List<TextBox> placed = new ArrayList<>(texts);
      // From the middle outwards, both ways: 0.5, 0.45, 0.55, 0.4, ...
      double[] along = new double[17];
      for (int k = 0; k < along.length; k++) {
        along[k] = 0.5 + (k % 2 == 1 ? -1 : 1) * 0.05 * ((k + 1) / 2);
      }
      for (int i = 0; i < arrows.size(); i++) {
        Arrow a = arrows.get(i);
        Point s = a.start();
        Point e = a.lost() ? new Point(lifelineX.get(a.from().peer()), 2 * a.end().y() - a.start().y()) : a.end();
        Point left = s.x() <= e.x() ? s : e;
        Point right = s.x() <= e.x() ? e : s;
        double angle = Math.atan2(right.y() - left.y(), right.x() - left.x());
        double w = TextWidth.of(a.label(), LABEL_SIZE, false) + 6;
        TextBox best = null;
        Point bestAt = null;
        int bestCost = Integer.MAX_VALUE;
        for (boolean above : new boolean[] {true, false}) {
          for (double t : along) {
            double tt = a.lost() ? (s.x() <= e.x() ? t * 0.5 : 1 - t * 0.5) : t;
            if (a.injected()) {
              tt = 0.5 + t * 0.5;
            }
            Point at = new Point(left.x() + (right.x() - left.x()) * tt, left.y() + (right.y() - left.y()) * tt);
            TextBox box = rotated(a, at, angle, w, above);
            if (box.minX() < lifelineX.get(Side.CLIENT) + 6 || box.maxX() > lifelineX.get(Side.SERVER) - 6) {
              continue;
            }
            int cost = 0;
            for (TextBox p : placed) {
              if (p.overlaps(box)) {
                cost += 100;
              }
            }
            for (int j = 0; j < arrows.size(); j++) {
              if (j != i && crosses(arrows.get(j), box)) {
                cost += 1;
              }
            }
            cost += above ? 0 : 1;
            if (cost < bestCost) {
              bestCost = cost;
              best = box;
              bestAt = at;
            }
            if (cost == 0) {
              break;
            }
          }
          if (bestCost == 0) {
            break;
          }
        }
        if (best == null) {
          Point at = new Point((left.x() + right.x()) / 2, (left.y() + right.y()) / 2);
          best = rotated(a, at, angle, w, true);
          bestAt = at;
        }
        placed.add(best);
        texts.add(best);
        arrows.set(i, new Arrow(a.n(), a.from(), a.sentMs(), a.arrivedMs(), a.start(), a.end(), a.lost(), a.optional(),
            a.encrypted(), a.fault(), a.label(), a.title(), a.copies(), a.copiesMs(), best, Math.toDegrees(angle),
            bestAt));
      }
    }

    private static boolean crosses(Arrow a, TextBox box) {
      if (box.crossedBy(a.start(), a.end())) {
        return true;
      }
      for (Point c : a.copies()) {
        if (box.crossedBy(a.start(), c)) {
          return true;
        }
      }
      return false;
    }

    /**
     * The box of a label centred at {@code at} along a line at {@code angle}, just above it (or
     * below): the baseline 4 px off the line, the box from 1.5 px off to the ascender.
     */
    private static TextBox rotated(Arrow a, Point at, double angle, double w, boolean above) {
      double ux = Math.cos(angle);
      double uy = Math.sin(angle);
      // The normal pointing up the page (towards smaller y).
      double nx = uy;
      double ny = -ux;
      double near = above ? 1.5 : -(LABEL_SIZE + 4.5);
      double far = above ? LABEL_SIZE + 3 : -2;
      List<Point> c = new ArrayList<>();
      for (double[] k : new double[][] {{-w / 2, near}, {w / 2, near}, {w / 2, far}, {-w / 2, far}}) {
        c.add(new Point(at.x() + ux * k[0] + nx * k[1], at.y() + uy * k[0] + ny * k[1]));
      }
      return new TextBox(TextKind.LABEL, a.label(), a.n(), c);
    }

    private List<String> legendLines() {
      List<String> out = new ArrayList<>();
      out.add("Time runs down: " + ms(PX_PER_MS) + " px per virtual ms; things that happen at one instant are stacked "
          + ms(ROW) + " px apart (thick axis); a quiet gap over " + ms(CUT_MS) + " ms is cut short (\u2248 on the axis).");
      out.add("An arrow leaves the sender when the message was sent and reaches the receiver when its record arrived;"
          + " brackets group a flight (RFC 5246 \u00a77.3).");
      boolean optional = arrows.stream().anyMatch(Arrow::optional);
      boolean encrypted = arrows.stream().anyMatch(Arrow::encrypted);
      boolean faults = arrows.stream().anyMatch(a -> a.fault() != null || a.injected());
      StringBuilder b = new StringBuilder();
      if (encrypted) {
        b.append("Grey: sent in a protected record (after ChangeCipherSpec). ");
      }
      if (optional) {
        b.append("[name], dashed: a message the tables mark optional. ");
      }
      if (faults) {
        b.append("Red: the network's fault (\u00d7 lost, copy dotted); purple: a record the network injected.");
      }
      if (b.length() > 0) {
        out.add(b.toString().strip());
      }
      return out;
    }

    private String label(Item it) {
      if (it.n == 0) {
        return "injected: " + it.name;
      }
      String s = it.n + ". " + (it.optional ? "[" + it.name + "]" : it.name);
      if (options.details()) {
        s += " (" + it.bytes + " B)";
      }
      if (it.fault != null) {
        s += "  " + (it.lost ? "\u00d7 " : "") + it.fault;
        // How much it was delayed, which byte was hit: short details only; the rest is in the tooltip.
        boolean says = it.fault.equals("delayed") || it.fault.equals("corrupted") || it.fault.equals("truncated");
        if (says && it.faultDetail != null && !it.faultDetail.isEmpty() && it.faultDetail.length() <= 24) {
          s += " (" + it.faultDetail + ")";
        }
      }
      return s;
    }

    private List<Item> items(List<TraceEvent> events) {
      List<Trace.Sent> sent = trace.sent();
      Map<Side, Map<Integer, List<Integer>>> records = new EnumMap<>(Side.class);
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i) instanceof TraceEvent.OfNetwork n && n.record() > 0) {
          records.computeIfAbsent(n.from(), s -> new HashMap<>()).computeIfAbsent(n.record(), r -> new ArrayList<>())
              .add(i);
        }
      }
      boolean[] usedReceive = new boolean[events.size()];
      List<Item> out = new ArrayList<>();
      int k = 0;
      for (int i = 0; i < events.size(); i++) {
        TraceEvent e = events.get(i);
        if (e instanceof TraceEvent.OfEngine oe && oe.event() instanceof EngineEvent.MessageSent) {
          Trace.Sent s = sent.get(k++);
          Item it = new Item();
          it.n = firstNumber + s.n() - 1;
          it.from = s.from();
          it.sent = new Moment(s.timeMs(), i);
          it.eventIndex = i;
          it.optional = s.message().optional();
          it.bytes = s.message().bytes();
          it.encrypted = s.message().encrypted();
          it.name = s.message().label();
          it.handshake = s.message().alert() == null && !s.message().type().equals("application_data");
          it.fault = s.fault() == null ? null : s.fault().label();
          it.title = it.n + ". " + s.from().label() + " \u2192 " + s.from().peer().label() + ": " + s.message().label()
              + ", " + s.message().bytes() + " bytes"
              + (s.message().encrypted() ? ", protected" : "") + ", sent at " + ms(s.timeMs()) + " ms";
          List<Integer> net = s.record() == 0 ? List.of()
              : records.getOrDefault(s.from(), Map.of()).getOrDefault(s.record(), List.of());
          arrival(it, events, net, usedReceive, i);
          it.title += it.lost ? ", lost" : ", arrived at " + ms(it.arrived.timeMs()) + " ms";
          if (it.fault != null) {
            it.title += "; " + it.fault + (it.faultDetail.isEmpty() ? "" : ": " + it.faultDetail);
          }
          out.add(it);
        } else if (e instanceof TraceEvent.OfNetwork n && n.action() == NetworkAction.INJECTED) {
          Item it = new Item();
          it.n = 0;
          it.from = n.from();
          it.arrived = new Moment(n.timeMs(), i);
          String detail = n.detail() == null || n.detail().isEmpty() ? "record" : n.detail();
          // The detail starts with what was injected ("change_cipher_spec, unprotected: ..."); the label names it.
          it.name = detail.split("[,:;]", 2)[0].strip();
          it.fault = "injected";
          it.title = "injected by the network towards the " + n.from().peer().label() + ": " + detail + ", at "
              + ms(n.timeMs()) + " ms";
          it.eventIndex = i;
          out.add(it);
        }
      }
      return out;
    }

    /** Where a message arrived: its record's delivery, else the receiver's reading of it. */
    private void arrival(Item it, List<TraceEvent> events, List<Integer> net, boolean[] usedReceive, int sentAt) {
      Integer delivered = null;
      Integer dropped = null;
      StringBuilder detail = new StringBuilder();
      for (int idx : net) {
        TraceEvent.OfNetwork n = (TraceEvent.OfNetwork) events.get(idx);
        switch (n.action()) {
          case DROPPED -> dropped = idx;
          case DUPLICATED -> it.copies.add(new Moment(n.timeMs(), idx));
          default -> {
            if (n.bytes() != null && !n.bytes().isEmpty()) {
              delivered = idx;
            }
          }
        }
        if (n.action() != NetworkAction.DELIVERED && n.action() != NetworkAction.DUPLICATED && n.detail() != null
            && !n.detail().isEmpty() && detail.length() == 0) {
          detail.append(n.detail());
        }
      }
      it.faultDetail = detail.toString();
      if (delivered != null) {
        it.arrived = new Moment(events.get(delivered).timeMs(), delivered);
        return;
      }
      if (dropped != null) {
        it.lost = true;
        it.arrived = new Moment(events.get(dropped).timeMs(), dropped);
        return;
      }
      // No record of it (a real engine packed its flight, or the loopback): the receiver's reading.
      Side to = it.from.peer();
      for (int j = sentAt + 1; j < events.size(); j++) {
        if (!usedReceive[j] && events.get(j) instanceof TraceEvent.OfEngine oe && oe.side() == to
            && oe.event() instanceof EngineEvent.MessageReceived mr && mr.message().label().equals(it.name)) {
          usedReceive[j] = true;
          it.arrived = new Moment(oe.timeMs(), j);
          return;
        }
      }
      // Never read: drawn as arriving right after it was sent, and said so.
      it.arrived = new Moment(it.sent.timeMs(), sentAt + 0.5);
      if (it.fault == null) {
        it.fault = "not read";
      }
    }

    private List<NoteItem> noteItems(List<TraceEvent> events) {
      List<NoteItem> out = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i) instanceof TraceEvent.OfEngine oe) {
          SequenceRows.Note n = SequenceRows.note(oe);
          if (n != null) {
            out.add(new NoteItem(n.side(), n.text(), n.failure(), new Moment(oe.timeMs(), i)));
          }
        }
      }
      return out;
    }

    /** Notes with no message sent between them share a row. */
    private static List<List<NoteItem>> noteGroups(List<NoteItem> notes, List<Item> items) {
      List<List<NoteItem>> out = new ArrayList<>();
      List<NoteItem> current = new ArrayList<>();
      double lastOrder = -1;
      for (NoteItem n : notes) {
        if (!current.isEmpty()) {
          double from = lastOrder;
          double to = n.at().order();
          boolean sentBetween = items.stream().anyMatch(it -> it.sent != null && it.sent.order() > from
              && it.sent.order() < to);
          if (sentBetween) {
            out.add(current);
            current = new ArrayList<>();
          }
        }
        current.add(n);
        lastOrder = n.at().order();
      }
      if (!current.isEmpty()) {
        out.add(current);
      }
      return out;
    }

    /**
     * The flights: runs of handshake messages (ChangeCipherSpec included) one side sent at one
     * virtual time, with only that side's own engine events between them in the trace.
     */
    private static List<List<Item>> flights(List<Item> items, List<TraceEvent> events) {
      List<List<Item>> out = new ArrayList<>();
      List<Item> current = new ArrayList<>();
      for (Item it : items) {
        if (it.n == 0 || !it.handshake) {
          close(out, current);
          current = new ArrayList<>();
          continue;
        }
        if (!current.isEmpty()) {
          Item last = current.get(current.size() - 1);
          boolean same = last.from == it.from && last.sent.timeMs() == it.sent.timeMs()
              && onlyOwnBetween(events, last.eventIndex, it.eventIndex, it.from);
          if (!same) {
            close(out, current);
            current = new ArrayList<>();
          }
        }
        current.add(it);
      }
      close(out, current);
      return out;
    }

    private static void close(List<List<Item>> out, List<Item> flight) {
      if (!flight.isEmpty()) {
        out.add(List.copyOf(flight));
      }
    }

    private static boolean onlyOwnBetween(List<TraceEvent> events, int from, int to, Side side) {
      for (int j = from + 1; j < to; j++) {
        if (!(events.get(j) instanceof TraceEvent.OfEngine oe) || oe.side() != side) {
          return false;
        }
      }
      return true;
    }

    private static String flightName(int number) {
      return "flight " + number;
    }

    private static String flightMembers(List<Item> flight) {
      String first = flight.get(0).name;
      if (flight.size() == 1) {
        return first;
      }
      String last = flight.get(flight.size() - 1).name;
      return first + (flight.size() == 2 ? ", " : " \u2026 ") + last;
    }
  }
}
