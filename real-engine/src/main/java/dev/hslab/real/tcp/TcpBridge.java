package dev.hslab.real.tcp;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.Bytes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Puts any {@link Engine} on a TCP socket (docs/architecture.md principle 6): the model client against any TLS
 * server ({@link #connect}), the model server for any TLS client ({@link #serve}). Outside
 * simulation, the engines' configurations should draw on {@code RandomSource.secure()}. Nothing
 * here waits without a bound: connect, every read and the handshake have timeouts, and a peer that
 * closes, sends garbage or an alert ends the connection with an {@link Outcome} that says so
 * ({@link BridgedConnection}).
 */
public final class TcpBridge {

  private TcpBridge() {}

  /** Connects {@code engine} (a client) to {@code host:port} and runs {@code script} over it. */
  public static BridgedConnection connect(String host, int port, Engine engine, BridgeListener listener, Timeouts timeouts,
      Conversation script) {
    try (Socket s = new Socket()) {
      try {
        s.connect(new InetSocketAddress(host, port), (int) timeouts.connect().toMillis());
      } catch (IOException e) {
        return notConnected(engine, host + ":" + port + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      }
      return new Pump(engine, s, timeouts, listener, 1).run(script);
    } catch (IOException e) {
      return notConnected(engine, host + ":" + port + ": " + e.getMessage());
    }
  }

  /** {@link #connect} with the default timeouts, the handshake only, then close_notify. */
  public static BridgedConnection connect(String host, int port, Engine engine, BridgeListener listener) {
    return connect(host, port, engine, listener, Timeouts.defaults(), Conversation.handshakeOnly());
  }

  /**
   * Listens on {@code port} (0: any free port) of the loopback or all interfaces.
   *
   * @throws java.net.BindException when the port is in use
   */
  public static TcpServer listen(int port, boolean loopbackOnly) throws IOException {
    return TcpServer.open(port, loopbackOnly);
  }

  /**
   * Serves {@code maxConnections} connections one after the other on an open server, a fresh
   * engine from {@code engines} for each (its number from 1), and returns their outcomes.
   */
  public static List<BridgedConnection> serve(TcpServer server, IntFunction<Engine> engines, BridgeListener listener,
      Timeouts timeouts, Conversation script, int maxConnections) throws IOException {
    return server.serve(engines, listener, timeouts, script, maxConnections);
  }

  private static BridgedConnection notConnected(Engine engine, String why) {
    return new BridgedConnection(Optional.empty(), engine.state(), Bytes.EMPTY,
        new Trace(List.of(), Outcome.connectFailed(engine.side(), why)));
  }
}
