package dev.hslab.model.engine;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two datagram engines over an in-memory link in virtual time, for the DTLS tests: every datagram
 * is delivered in order unless its number (per sender, from 1) is in the drop set; each engine's
 * retransmission timer ({@link EngineEvent.RetransmissionTimer}) is kept here, and when nothing is
 * in flight the clock jumps to the earliest armed timer and calls {@link Engine#retransmissionTimeout}.
 */
final class DatagramLink {

  /** One datagram as sent: who, its number, when (virtual ms), whether the link dropped it. */
  record Sent(Side from, int n, long atMillis, Bytes datagram, boolean dropped) {}

  private final Map<Side, Engine> engines = new EnumMap<>(Side.class);
  private final Map<Side, Long> timers = new EnumMap<>(Side.class);
  private final Map<Side, Integer> counts = new EnumMap<>(Side.class);
  private final Map<Side, Deque<Bytes>> queues = new EnumMap<>(Side.class);
  private final Map<Side, Set<Integer>> drops;
  private final List<Sent> sent = new ArrayList<>();
  private final List<EngineEvent> events = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private long now;

  DatagramLink(Engine client, Engine server, Map<Side, Set<Integer>> drops) {
    engines.put(Side.CLIENT, client);
    engines.put(Side.SERVER, server);
    this.drops = drops;
    for (Side s : Side.values()) {
      counts.put(s, 0);
      queues.put(s, new ArrayDeque<>());
    }
  }

  /** Runs until both engines are established or terminal and nothing is pending, or {@code untilMillis}. */
  DatagramLink run(long untilMillis) {
    take(Side.SERVER, engines.get(Side.SERVER).start());
    take(Side.CLIENT, engines.get(Side.CLIENT).start());
    for (int guard = 0; guard < 100_000; guard++) {
      Side to = !queues.get(Side.SERVER).isEmpty() ? Side.SERVER : !queues.get(Side.CLIENT).isEmpty() ? Side.CLIENT : null;
      if (to != null) {
        take(to, engines.get(to).receive(queues.get(to).poll()));
        continue;
      }
      Side first = null;
      for (Map.Entry<Side, Long> t : timers.entrySet()) {
        if (first == null || t.getValue() < timers.get(first)) {
          first = t.getKey();
        }
      }
      if (first == null || timers.get(first) > untilMillis) {
        return this;
      }
      now = timers.remove(first);
      take(first, engines.get(first).retransmissionTimeout());
    }
    throw new AssertionError("the engines never went quiet");
  }

  private void take(Side from, Step step) {
    for (EngineEvent e : step.events()) {
      events.add(e);
      if (e instanceof EngineEvent.MessageSent m) {
        labels.add(from.label() + "." + (m.message().kind() != null ? m.message().kind().label() : m.message().type()));
      }
      if (e instanceof EngineEvent.RetransmissionTimer t) {
        if (t.cancels()) {
          timers.remove(from);
        } else {
          timers.put(from, now + t.afterMillis());
        }
      }
    }
    for (Bytes d : step.records()) {
      int n = counts.merge(from, 1, Integer::sum);
      boolean dropped = drops.getOrDefault(from, Set.of()).contains(n);
      sent.add(new Sent(from, n, now, d, dropped));
      if (!dropped) {
        queues.get(from.peer()).add(d);
      }
    }
  }

  List<Sent> sent() {
    return sent;
  }

  /** Every message sent, as side.type ({@code server.hello_verify_request}), retransmissions not repeated. */
  List<String> labels() {
    return labels;
  }

  List<EngineEvent> events() {
    return events;
  }

  long now() {
    return now;
  }
}
