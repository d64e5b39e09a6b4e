package dev.hslab.model.trace;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;

/**
 * One event of a run, in virtual time: what an engine reported, or what the network did to a
 * record. The loopback, the actors and the real-engine bridge all produce these, and every
 * output (terminal list, JSON Lines, sequence diagram, pcap) reads them.
 */
public sealed interface TraceEvent {

  /** Virtual time in milliseconds since the run started. */
  double timeMs();

  /** An engine on {@code side} reported {@code event}. */
  record OfEngine(double timeMs, Side side, EngineEvent event) implements TraceEvent {}

  /**
   * The network handled record number {@code record} (counted per sending side from 1) sent by
   * {@code from}: {@code bytes} is what it put on the wire towards the peer (empty when dropped).
   */
  record OfNetwork(double timeMs, Side from, int record, NetworkAction action, String detail, Bytes bytes)
      implements TraceEvent {}

  /** What the network did with a record. */
  enum NetworkAction {
    DELIVERED,
    DROPPED,
    DUPLICATED,
    DELAYED,
    CORRUPTED,
    TRUNCATED,
    REORDERED,
    INJECTED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
