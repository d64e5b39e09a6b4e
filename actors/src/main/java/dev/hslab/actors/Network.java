package dev.hslab.actors;

import dev.hslab.actors.tcp.Connection;
import dev.hslab.actors.tcp.Segment;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.InjectingEngine;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.trace.TraceEvent.TcpFlag;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * One simulation's discrete-event core: the virtual clock, the one event queue (arrivals and
 * timer expiries ordered by time, then by sequence number), the link's decisions and the trace.
 * It is single-threaded and knows no actors: {@link #next()} says which endpoint must handle which
 * event, and nothing else happens until {@link #answer} brings that endpoint's outputs. The run is
 * therefore a function of the engines, the options and the seed, whatever the thread scheduling.
 *
 * <p>Records travel in order per direction (TLS runs over a stream): a record never arrives
 * before an earlier one from the same sender, so a delay holds up what follows it, as on TCP. Only
 * the reorder fault swaps a record with its sender's next one. Every record's network event is
 * logged when it arrives (or would have, for a dropped one), so each side's events stay in record
 * order, which is how the output module pairs them with messages (README-trace-schema.md).
 *
 * <p>The script (application data, renegotiation, close) advances when no record is in flight and
 * both engines are established; once either is terminal the rest of the script is dropped.
 */
final class Network {

  /** Bounds a run between engines that would answer each other forever. */
  static final int MAX_JOBS = 100_000;

  /** One event for one endpoint. */
  record Job(Side side, EndpointActor.Command command) {}

  private sealed interface Event permits Begin, Arrival, Expiry, Write, SegmentArrival, Rto, Delivery {}

  private record Begin(Side side) implements Event {}

  /** {@code bytes} null: a marker that logs a dropped or held record at its place in the stream. */
  private record Arrival(Side to, Bytes bytes, Side from, int record, NetworkAction action, String detail) implements Event {}

  private record Expiry(Side side, TimerKind kind, long generation) implements Event {}

  private record Scheduled(double time, long seq, Event event) {}

  /** Under TCP: a record the middlebox let through later (delayed, reordered) enters the sender's stream. */
  private record Write(Side from, Bytes bytes, int record, NetworkAction action, String detail) implements Event {}

  /** Under TCP: a segment reaches {@code to}. */
  private record SegmentArrival(Side to, Segment segment) implements Event {}

  /** Under TCP: {@code side}'s retransmission timer; only the latest generation is live. */
  private record Rto(Side side, long generation) implements Event {}

  /** Under TCP: bytes {@code to}'s TCP put in order go to its engine. */
  private record Delivery(Side to, Bytes bytes) implements Event {}

  /**
   * Under TCP: a record's place in its sender's stream, logged as the record's network event when
   * the receiver has every byte up to {@code end} (a dropped record: when it has all before it).
   */
  private record Marker(long end, int record, NetworkAction action, String detail, Bytes bytes) {}

  /** Under TCP: a segment the link holds back until its sender's next segment passes it. */
  private record HeldSegment(Segment segment, double earliest) {}

  /** A reordered record waiting for its sender's next one. */
  private record Held(Bytes bytes, int record, String detail, double earliest) {}

  private final Link link;
  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
      (a, b) -> a.time() != b.time() ? Double.compare(a.time(), b.time()) : Long.compare(a.seq(), b.seq()));
  private final List<TraceEvent> trace = new ArrayList<>();
  private final Deque<Loopback.Action> script;
  private final Map<Side, Answer.Status> status = new EnumMap<>(Side.class);
  private final Map<Side, Integer> records = new EnumMap<>(Side.class);
  private final Map<Side, Double> lastArrival = new EnumMap<>(Side.class);
  private final Map<Side, List<Held>> held = new EnumMap<>(Side.class);
  private final Map<Side, Injection> injections = new EnumMap<>(Side.class);
  /** Per sender, how many messages of each type it has sent: the occurrence a fault target names. */
  private final Map<Side, Map<String, Integer>> typeCounts = new EnumMap<>(Side.class);
  private final Map<TimerKey, Long> timers = new HashMap<>();
  private final boolean tcp;
  /** Under UDP: each record an engine hands over is a datagram, which keeps no order. */
  private final boolean udp;
  private final Map<Side, Connection> connections = new EnumMap<>(Side.class);
  private final Map<Side, java.util.ArrayDeque<Marker>> markers = new EnumMap<>(Side.class);
  private final Map<Side, Long> rtoGeneration = new EnumMap<>(Side.class);
  private final Map<Side, Double> rtoAt = new EnumMap<>(Side.class);
  private final Map<Side, Long> lastAck = new EnumMap<>(Side.class);
  private final Map<Side, List<HeldSegment>> heldSegments = new EnumMap<>(Side.class);
  private final Map<Side, Boolean> started = new EnumMap<>(Side.class);
  /** Deliveries scheduled and not yet handed to the engine: their ACK waits for the engine's answer. */
  private final Map<Side, Integer> deliveries = new EnumMap<>(Side.class);
  /** Why TCP gave up, when it did: the run ends there. */
  private Outcome transportFailure;
  private double now;
  private long seq;
  private int pending;
  private int jobs;
  private boolean begun;

  Network(NetworkOptions options, Draws random, List<Loopback.Action> script) {
    this.link = new Link(options, random);
    this.script = new ArrayDeque<>(script);
    for (Side s : Side.values()) {
      status.put(s, new Answer.Status("", false, false));
      records.put(s, 0);
      lastArrival.put(s, 0.0);
      held.put(s, new ArrayList<>());
      injections.put(s, new Injection());
      typeCounts.put(s, new HashMap<>());
      markers.put(s, new java.util.ArrayDeque<>());
      rtoGeneration.put(s, 0L);
      rtoAt.put(s, Double.NaN);
      lastAck.put(s, -1L);
      heldSegments.put(s, new ArrayList<>());
      started.put(s, false);
      deliveries.put(s, 0);
    }
    this.tcp = options.transport() == Transport.TCP;
    this.udp = options.transport() == Transport.UDP;
    connections.put(Side.CLIENT, Connection.client(options.tcp()));
    connections.put(Side.SERVER, Connection.server(options.tcp()));
  }

  double now() {
    return now;
  }

  /**
   * The run's trace; when TCP gave up, that ends the outcome's story: the outcome itself when
   * nothing failed before it, else the last of the failures.
   */
  Trace trace() {
    Trace t = new Trace(trace);
    if (transportFailure == null) {
      return t;
    }
    List<Outcome> failures = t.outcome().failures();
    if (failures.isEmpty()) {
      return new Trace(trace, transportFailure);
    }
    List<Outcome> later = new ArrayList<>(failures.subList(1, failures.size()));
    later.add(transportFailure);
    return new Trace(trace, failures.get(0).withFurther(later));
  }

  /**
   * The next event an endpoint must handle, advancing the clock to it; empty when the simulation
   * is over (nothing left to deliver, no live timer, no runnable script action).
   *
   * @throws IllegalStateException after {@link #MAX_JOBS} events
   */
  Optional<Job> next() {
    if (!begun) {
      begun = true;
      if (tcp) {
        // The client connects at time 0; each engine starts when its end of the connection is
        // established (connect() returned, accept() returned).
        transmit(Side.CLIENT, connections.get(Side.CLIENT).open(now).send());
        rearm(Side.CLIENT);
      } else {
        // The server listens before the client connects, as in the loopback.
        schedule(0, new Begin(Side.SERVER));
        schedule(0, new Begin(Side.CLIENT));
      }
    }
    if (++jobs > MAX_JOBS) {
      throw new IllegalStateException("more than " + MAX_JOBS + " network events; the engines loop");
    }
    while (true) {
      if (transportFailure != null
          || tcp && pending == 0 && status.get(Side.CLIENT).terminal() && status.get(Side.SERVER).terminal()) {
        // TCP gave up, or both engines are done and nothing is on the wire: the connection is over
        // (a late ACK or retransmission would change nothing either of them reads).
        return Optional.empty();
      }
      if (idle() && releaseHeld()) {
        continue;
      }
      if (idle()) {
        Optional<Job> act = scriptAction();
        if (act.isPresent()) {
          return act;
        }
      }
      Scheduled s = queue.poll();
      if (s == null) {
        return Optional.empty();
      }
      Optional<Job> job = dispatch(s);
      if (job.isPresent()) {
        return job;
      }
    }
  }

  private Optional<Job> dispatch(Scheduled s) {
    if (s.event() instanceof Begin b) {
      pending--;
      now = s.time();
      started.put(b.side(), true);
      return Optional.of(new Job(b.side(), new EndpointActor.Start()));
    }
    if (s.event() instanceof Write w) {
      pending--;
      now = s.time();
      write(w.from(), w.bytes(), w.record(), w.action(), w.detail());
      sendData(w.from());
      return Optional.empty();
    }
    if (s.event() instanceof SegmentArrival a) {
      pending--;
      now = s.time();
      return onSegment(a.to(), a.segment());
    }
    if (s.event() instanceof Rto r) {
      if (r.generation() != rtoGeneration.get(r.side())) {
        return Optional.empty(); // re-armed or stopped since: a dead timer does not move the clock
      }
      now = s.time();
      rtoAt.put(r.side(), Double.NaN);
      Connection.Output out = connections.get(r.side()).onTimeout(now);
      if (out.failure() != null) {
        giveUp(r.side(), out.failure());
        return Optional.empty();
      }
      transmit(r.side(), out.send());
      rearm(r.side());
      return Optional.empty();
    }
    if (s.event() instanceof Delivery d) {
      pending--;
      deliveries.merge(d.to(), -1, Integer::sum);
      now = s.time();
      if (status.get(d.to()).terminal()) {
        acknowledge(d.to()); // the engine reads nothing more, its TCP still acknowledges
        return Optional.empty();
      }
      return Optional.of(new Job(d.to(), new EndpointActor.Deliver(d.bytes())));
    }
    if (s.event() instanceof Arrival a) {
      pending--;
      now = s.time();
      trace.add(new TraceEvent.OfNetwork(now, a.from(), a.record(), a.action(), a.detail(),
          a.bytes() == null ? Bytes.EMPTY : a.bytes()));
      if (a.bytes() == null || status.get(a.to()).terminal()) {
        return Optional.empty();
      }
      return Optional.of(new Job(a.to(), new EndpointActor.Deliver(a.bytes())));
    }
    Expiry e = (Expiry) s.event();
    Long live = timers.get(new TimerKey(e.side(), e.kind()));
    if (live == null || live != e.generation() || status.get(e.side()).terminal()) {
      return Optional.empty(); // cancelled or replaced: a dead timer does not move the clock
    }
    timers.remove(new TimerKey(e.side(), e.kind()));
    now = s.time();
    return Optional.of(new Job(e.side(), new EndpointActor.Expire(e.kind())));
  }

  private Optional<Job> scriptAction() {
    if (script.isEmpty()) {
      return Optional.empty();
    }
    Answer.Status c = status.get(Side.CLIENT);
    Answer.Status s = status.get(Side.SERVER);
    if (c.terminal() || s.terminal()) {
      script.clear();
      return Optional.empty();
    }
    if (!c.established() || !s.established()) {
      return Optional.empty();
    }
    Loopback.Action a = script.poll();
    return Optional.of(new Job(a.side(), new EndpointActor.Act(a)));
  }

  /**
   * The network of one connection, its model engines set to carry out the inject faults aimed at
   * them: what the actors and {@link DirectRun} both run.
   */
  static Network of(ConnectionSpec spec) {
    Network network = new Network(spec.network(), new Draws(spec.networkRandom()), spec.script());
    network.injectThrough(Side.CLIENT, spec.client(), spec.network().faults());
    network.injectThrough(Side.SERVER, spec.server(), spec.network().faults());
    return network;
  }

  /**
   * When {@code engine} can (the model engine, a real engine's adapter whose peer knows the keys),
   * it carries out the inject faults aimed at it ({@link Injection}).
   */
  private void injectThrough(Side side, Engine engine, List<Fault> faults) {
    if (engine instanceof InjectingEngine m) {
      m.injectWith(injections.get(side).forSender(side, faults));
    }
  }

  /** The endpoint {@code side} handled the last job and produced {@code a}. */
  void answer(Side side, Answer a) {
    List<MessageInfo> sent = new ArrayList<>();
    for (EngineEvent e : a.step().events()) {
      if (e instanceof EngineEvent.MessageSent ms) {
        sent.add(ms.message());
      }
    }
    status.put(side, a.status());
    for (TimerRequest t : a.timers()) {
      TimerKey key = new TimerKey(side, t.kind());
      if (t instanceof TimerRequest.Arm arm) {
        long gen = seq + 1;
        timers.put(key, gen);
        schedule(now + arm.delayMs(), new Expiry(side, t.kind(), gen));
      } else {
        timers.remove(key);
      }
    }
    // Each message in its own record (the model engine's rule in simulation) pairs them one to
    // one; a real engine that packs a flight into one record leaves its records untyped.
    // A datagram carries any number of messages (RFC 6347 §4.1.1): under UDP none pair up.
    boolean paired = !udp && TraceEvent.pairs(a.step());
    List<TraceEvent.Carriage> carried = new ArrayList<>();
    for (int i = 0; i < a.step().records().size(); i++) {
      TraceEvent.Carriage c = route(side, a.step().records().get(i), paired ? sent.get(i) : null);
      if (paired) {
        carried.add(c);
        injections.get(side).sent(sent.get(i)); // an inject later in this flight may copy it
      }
    }
    if (!paired) {
      sent.forEach(injections.get(side)::sent);
    }
    // The engine's events go into the trace with what the network just decided for each message.
    trace.addAll(TraceEvent.ofStep(now, side, a.step(), carried));
    if (tcp) {
      // The flight's records went into the stream together: several can share a segment, whose
      // ACK field acknowledges what the engine just read; else a pure ACK does, once the engine
      // has read all that arrived.
      sendData(side);
      if (deliveries.get(side) == 0) {
        acknowledge(side);
      }
    }
  }

  /** Decides what happens to one record and schedules it; returns its number and fault. */
  private TraceEvent.Carriage route(Side from, Bytes record, MessageInfo message) {
    int k = records.merge(from, 1, Integer::sum);
    if (message != null && message.injected()) {
      // The sender's own record, made by an inject fault (Injection.forSender): it takes no fault.
      arrive(inFifo(from, now), from, record, k, NetworkAction.INJECTED, message.detail());
      return new TraceEvent.Carriage(k, NetworkAction.INJECTED);
    }
    Link.Plan plan;
    if (udp) {
      // The messages a datagram starts, read with the DTLS codecs, are what an aimed fault targets.
      List<Link.Carried> carried = new ArrayList<>();
      for (String type : Datagrams.messageTypes(record)) {
        carried.add(new Link.Carried(type, typeCounts.get(from).merge(type, 1, Integer::sum)));
      }
      plan = link.decide(from, record, carried, now);
    } else {
      String type = message == null ? null : message.type();
      int nth = type == null ? 0 : typeCounts.get(from).merge(type, 1, Integer::sum);
      plan = link.decide(from, record, type, nth, now);
    }
    for (Fault inj : injections.get(from).bySender() ? List.<Fault>of() : plan.injections()) {
      Injection.Built b = injections.get(from).build(((Fault.Injected) inj.argument()).message(), record,
          message != null && message.encrypted());
      arrive(inFifo(from, now), from, b.record(), 0,
          NetworkAction.INJECTED, b.note() + " before " + inj.target());
    }
    if (plan.dropped()) {
      arrive(inFifo(from, now), from, null, k, NetworkAction.DROPPED, plan.detail());
      releaseHeldAfter(from);
      return new TraceEvent.Carriage(k, NetworkAction.DROPPED);
    }
    double at = inFifo(from, now + plan.latencyMs() + plan.delayMs());
    if (plan.reorder()) {
      arrive(at, from, null, k, NetworkAction.REORDERED, "held for the next record");
      held.get(from).add(new Held(plan.bytes(), k, plan.detail(), at));
      if (plan.duplicate()) {
        held.get(from).add(new Held(plan.bytes(), -k, "copy", at));
      }
      return new TraceEvent.Carriage(k, NetworkAction.REORDERED);
    }
    arrive(at, from, plan.bytes(), k, plan.action(), plan.detail());
    if (plan.duplicate()) {
      arrive(at, from, plan.bytes(), k, NetworkAction.DUPLICATED, "copy");
    }
    releaseHeldAfter(from);
    // The first thing the network did to the record, as its events will show in order.
    NetworkAction fault = plan.action() != NetworkAction.DELIVERED ? plan.action()
        : plan.duplicate() ? NetworkAction.DUPLICATED : null;
    return new TraceEvent.Carriage(k, fault);
  }

  /** A reordered record goes right after the next record from its sender. */
  private void releaseHeldAfter(Side from) {
    List<Held> h = held.get(from);
    for (Held x : h) {
      deliverHeld(from, x, inFifo(from, x.earliest()), "swapped with the next record");
    }
    h.clear();
  }

  /** Nothing is in flight: a held record (or segment) with no next one to swap with goes now. */
  private boolean releaseHeld() {
    boolean any = false;
    for (Side s : Side.values()) {
      for (HeldSegment h : heldSegments.get(s)) {
        schedule(Math.max(now, h.earliest()), new SegmentArrival(s.peer(), h.segment()));
        any = true;
      }
      heldSegments.get(s).clear();
    }
    for (Side s : Side.values()) {
      for (Held x : held.get(s)) {
        deliverHeld(s, x, inFifo(s, Math.max(now, x.earliest())), "no next record to swap with");
        any = true;
      }
      held.get(s).clear();
    }
    return any;
  }

  private void deliverHeld(Side from, Held x, double at, String how) {
    boolean copy = x.record() < 0;
    String detail = copy ? "copy" : (x.detail().isEmpty() ? how : x.detail() + "; " + how);
    arrive(at, from, x.bytes(), Math.abs(x.record()), copy ? NetworkAction.DUPLICATED : NetworkAction.REORDERED, detail);
  }

  private double inFifo(Side from, double t) {
    if (udp) {
      return t; // datagrams keep no order: a delayed one holds nothing up
    }
    double at = Math.max(t, lastArrival.get(from));
    lastArrival.put(from, at);
    return at;
  }

  private void arrive(double at, Side from, Bytes bytes, int record, NetworkAction action, String detail) {
    if (!tcp) {
      schedule(at, new Arrival(from.peer(), bytes, from, record, action, detail));
    } else if (at <= now) {
      write(from, bytes, record, action, detail); // sent with the rest of the flight by sendData
    } else {
      schedule(at, new Write(from, bytes, record, action, detail));
    }
  }

  // ---- TCP (Transport.TCP): the records as a byte stream over simulated segments ----

  /** Nothing in flight: no record or segment on its way, no TCP data unacknowledged or unsent. */
  private boolean idle() {
    return pending == 0 && !(tcp && (connections.get(Side.CLIENT).busy() || connections.get(Side.SERVER).busy()));
  }

  /** A record enters {@code from}'s stream (null bytes: a dropped record, only its place). */
  private void write(Side from, Bytes bytes, int record, NetworkAction action, String detail) {
    Connection c = connections.get(from);
    if (bytes != null) {
      c.write(bytes);
    }
    markers.get(from).add(new Marker(c.sender().end(), record, action, detail, bytes));
    logDelivered(from);
  }

  /** Logs the records of {@code from} whose every byte its peer has now received in order. */
  private void logDelivered(Side from) {
    long got = connections.get(from.peer()).received();
    java.util.ArrayDeque<Marker> q = markers.get(from);
    while (!q.isEmpty() && q.peek().end() <= got) {
      Marker m = q.poll();
      trace.add(new TraceEvent.OfNetwork(now, from, m.record(), m.action(), m.detail(),
          m.bytes() == null ? Bytes.EMPTY : m.bytes()));
    }
  }

  private void sendData(Side side) {
    transmit(side, connections.get(side).flush(now).send());
    rearm(side);
  }

  private void acknowledge(Side side) {
    transmit(side, connections.get(side).ackIfOwed());
    rearm(side);
  }

  private Optional<Job> onSegment(Side to, Segment segment) {
    Connection c = connections.get(to);
    Connection.Output out = c.onSegment(segment, now);
    transmit(to, out.send());
    if (out.connected()) {
      schedule(now, new Begin(to));
    }
    logDelivered(to.peer());
    if (!out.delivered().isEmpty()) {
      // The engine reads the bytes first; the ACK then rides on its answer's data, if any.
      schedule(now, new Delivery(to, out.delivered()));
      deliveries.merge(to, 1, Integer::sum);
    } else if (deliveries.get(to) == 0) {
      transmit(to, c.ackIfOwed());
    }
    sendData(to);
    return Optional.empty();
  }

  /** Puts {@code from}'s segments on the link: each traced as sent, and scheduled as the link decided. */
  private void transmit(Side from, List<Segment> segments) {
    for (Segment s : segments) {
      Link.SegmentPlan plan = link.segment(from, s, now);
      boolean pureAck = s.payload().isEmpty() && !s.has(TcpFlag.SYN) && s.has(TcpFlag.ACK);
      boolean dupAck = pureAck && s.ack() == lastAck.get(from);
      if (s.has(TcpFlag.ACK)) {
        lastAck.put(from, s.ack());
      }
      trace.add(new TraceEvent.OfSegment(now, from, s.seq(), s.ack(), s.flags(), s.payload(), s.retransmission(),
          dupAck, plan.fate()));
      if (plan.fate() == TraceEvent.SegmentFate.LOST) {
        continue;
      }
      double at = now + plan.latencyMs();
      List<HeldSegment> held = heldSegments.get(from);
      if (plan.reorder()) {
        held.add(new HeldSegment(plan.segment(), at));
        if (plan.duplicate()) {
          held.add(new HeldSegment(plan.segment(), at));
        }
        continue;
      }
      schedule(at, new SegmentArrival(from.peer(), plan.segment()));
      if (plan.duplicate()) {
        schedule(at, new SegmentArrival(from.peer(), plan.segment()));
      }
      // A held segment arrives just after the one that overtook it.
      for (HeldSegment h : held) {
        schedule(Math.max(at, h.earliest()), new SegmentArrival(from.peer(), h.segment()));
      }
      held.clear();
    }
  }

  /** Schedules {@code side}'s retransmission timer when its deadline changed; the old one dies. */
  private void rearm(Side side) {
    double d = connections.get(side).deadline();
    double was = rtoAt.get(side);
    if (Double.compare(d, was) == 0) {
      return;
    }
    rtoAt.put(side, d);
    long gen = rtoGeneration.merge(side, 1L, Long::sum);
    if (!Double.isNaN(d)) {
      queue.add(new Scheduled(d, ++seq, new Rto(side, gen)));
    }
  }

  /** TCP gave up on {@code side}: a connect that failed, or a reset; nothing more happens. */
  private void giveUp(Side side, String why) {
    transportFailure = started.get(side)
        ? Outcome.ioError(side, status.get(side).state(), side.label() + "'s TCP gave up: " + why)
        : Outcome.connectFailed(side, side.label() + "'s TCP gave up: " + why);
    queue.clear();
    pending = 0;
    script.clear();
  }

  private void schedule(double at, Event e) {
    if (!(e instanceof Expiry)) {
      pending++;
    }
    queue.add(new Scheduled(at, ++seq, e));
  }

  /** A side's timer of one kind: at most one is live, the one with the latest generation. */
  private record TimerKey(Side side, TimerKind kind) {}

  /** Milliseconds in the trace's words: {@code 3000}, {@code 0.5}. */
  static String ms(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
