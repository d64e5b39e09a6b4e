package dev.hslab.real.tcp;

import dev.hslab.model.engine.Engine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A listening socket that serves TLS clients one connection at a time, each with a fresh engine.
 * Close it to stop waiting for clients (from another thread too).
 */
public final class TcpServer implements AutoCloseable {

  private final ServerSocket socket;

  private TcpServer(ServerSocket socket) {
    this.socket = socket;
  }

  static TcpServer open(int port, boolean loopbackOnly) throws IOException {
    ServerSocket s = new ServerSocket();
    try {
      s.setReuseAddress(false);
      s.bind(loopbackOnly ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port) : new InetSocketAddress(port));
    } catch (IOException e) {
      s.close();
      throw e;
    }
    return new TcpServer(s);
  }

  /** The port it listens on (the one chosen when it was opened with 0). */
  public int port() {
    return socket.getLocalPort();
  }

  /** Serves up to {@code max} connections, in turn; stops early when closed. */
  public List<Outcome> serve(IntFunction<Engine> engines, BridgeListener listener, Timeouts timeouts,
      Conversation script, int max) throws IOException {
    return serve(engines, listener, timeouts, script, max, o -> { });
  }

  /** {@link #serve}, telling {@code ended} each connection's outcome as soon as it ends. */
  public List<Outcome> serve(IntFunction<Engine> engines, BridgeListener listener, Timeouts timeouts,
      Conversation script, int max, Consumer<Outcome> ended) throws IOException {
    List<Outcome> out = new ArrayList<>();
    for (int n = 1; n <= max && !socket.isClosed(); n++) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        if (socket.isClosed()) {
          break; // closed while waiting: the caller stopped the server
        }
        throw e;
      }
      try (client) {
        Outcome o = new Pump(engines.apply(n), client, timeouts, listener, n).run(script);
        ended.accept(o);
        out.add(o);
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
