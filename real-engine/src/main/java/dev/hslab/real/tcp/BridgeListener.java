package dev.hslab.real.tcp;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.Side;

/**
 * Hears each event of the bridged engine as it happens (for printing the numbered sequence live),
 * on the thread that runs the connection.
 */
@FunctionalInterface
public interface BridgeListener {

  BridgeListener NONE = (connection, side, timeMs, event) -> { };

  /**
   * @param connection the connection's number from 1 (always 1 for {@code connect})
   * @param side the side of the bridged engine
   * @param timeMs when the engine produced it, in milliseconds since the connection started (the
   *     time the trace records for it)
   */
  void onEvent(int connection, Side side, double timeMs, EngineEvent event);
}
