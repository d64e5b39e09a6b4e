package dev.hslab.real.tcp;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.Bytes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A listening socket that serves TLS clients, each connection with a fresh engine, up to a given
 * number at a time on a bounded pool of worker threads. Close it to stop waiting for clients (from
 * another thread too). Every accepted connection ends in exactly one {@link Outcome}, and its
 * socket is closed on every path; idle workers end, so a server between bursts holds no thread or
 * socket per connection it served.
 */
public final class TcpServer implements AutoCloseable {

  /**
   * Connections that wait for a free worker queue in the kernel. The JDK's default of 50 would make
   * a burst of clients see dropped SYNs and retry after a second or more; the kernel caps this at
   * {@code net.core.somaxconn}.
   */
  static final int BACKLOG = 1024;

  /** How long an idle worker thread lives before it ends. */
  static final long IDLE_WORKER_MILLIS = 500;

  private final ServerSocket socket;

  private TcpServer(ServerSocket socket) {
    this.socket = socket;
  }

  static TcpServer open(int port, boolean loopbackOnly) throws IOException {
    ServerSocket s = new ServerSocket();
    try {
      // Lets a restarted server bind while the port still has connections in TIME_WAIT from the last
      // run (after a load, for a minute). On Linux and macOS a port another socket listens on is
      // still refused (BindException), which is what "port in use" means; on Windows SO_REUSEADDR
      // would let two servers share a port, so it stays off there.
      s.setReuseAddress(!System.getProperty("os.name", "").startsWith("Windows"));
      InetSocketAddress where = loopbackOnly ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port)
          : new InetSocketAddress(port);
      s.bind(where, BACKLOG);
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
  public List<BridgedConnection> serve(IntFunction<Engine> engines, BridgeListener listener, Timeouts timeouts,
      Conversation script, int max) throws IOException {
    return serve(engines, listener, timeouts, script, max, o -> { });
  }

  /** {@link #serve}, telling {@code ended} each connection's outcome as soon as it ends. */
  public List<BridgedConnection> serve(IntFunction<Engine> engines, BridgeListener listener, Timeouts timeouts,
      Conversation script, int max, Consumer<BridgedConnection> ended) throws IOException {
    // One worker: the next connection is accepted only after the previous one ended, so the list is in order.
    List<BridgedConnection> out = Collections.synchronizedList(new ArrayList<>());
    serve(engines, listener, timeouts, script, max, 1, o -> {
      ended.accept(o);
      out.add(o);
    });
    return List.copyOf(out);
  }

  /**
   * Serves up to {@code max} connections, up to {@code workers} at a time, and returns how many it
   * accepted; stops accepting when closed or interrupted, and returns once every accepted
   * connection has ended (each is bounded by {@code timeouts}). {@code ended} hears each outcome
   * on the worker thread that ran the connection, so it must be thread-safe; it hears exactly one
   * per accepted connection, also when the engine itself fails ({@link Outcome.Kind#CRASHED}: {@code internal_error}).
   * Connections beyond {@code workers} wait in the listen backlog, not in memory.
   */
  public int serve(IntFunction<Engine> engines, BridgeListener listener, Timeouts timeouts, Conversation script,
      int max, int workers, Consumer<BridgedConnection> ended) throws IOException {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be positive: " + workers);
    }
    AtomicInteger threads = new AtomicInteger();
    Queue<Thread> started = new ConcurrentLinkedQueue<>();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, IDLE_WORKER_MILLIS, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "hslab-serve-" + threads.incrementAndGet());
          t.setDaemon(true);
          started.removeIf(w -> w.getState() == Thread.State.TERMINATED); // idle workers time out
          started.add(t);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    // A permit per busy worker: accept only when one is free, so nothing queues in the JVM.
    Semaphore free = new Semaphore(workers);
    int accepted = 0;
    try {
      while (accepted < max && !socket.isClosed()) {
        free.acquire();
        Socket client;
        try {
          client = socket.accept();
        } catch (IOException e) {
          free.release();
          if (socket.isClosed()) {
            break; // closed while waiting: the caller stopped the server
          }
          throw e;
        }
        int n = ++accepted;
        pool.execute(() -> {
          try {
            ended.accept(runOne(client, n, engines, listener, timeouts, script));
          } finally {
            free.release();
          }
        });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stop accepting; the connections already accepted still end below
    } finally {
      pool.shutdown();
      awaitQuietly(pool, started);
    }
    return accepted;
  }

  /** Runs one accepted connection to its end and closes its socket, whatever happens. */
  private static BridgedConnection runOne(Socket client, int n, IntFunction<Engine> engines, BridgeListener listener,
      Timeouts timeouts, Conversation script) {
    Engine engine = null;
    try {
      engine = engines.apply(n);
      return new Pump(engine, client, timeouts, listener, n).run(script);
    } catch (IOException | RuntimeException e) {
      // Pump turns socket errors during the conversation into outcomes itself; what arrives here
      // failed around it (setting socket options, creating the engine, a bug in an engine step).
      String state = engine == null ? "NO_ENGINE" : engine.state();
      String why = "connection " + n + ": " + e;
      Outcome ending = e instanceof IOException ? Outcome.ioError(Side.SERVER, state, why) : Outcome.crashed(Side.SERVER, why);
      return new BridgedConnection(Optional.empty(), state, Bytes.EMPTY, new Trace(List.of(), ending));
    } finally {
      try {
        client.close();
      } catch (IOException e) {
        // The outcome is decided; a failing close (the fd is released by the JDK anyway) changes nothing.
      }
    }
  }

  /**
   * Waits for the accepted connections to end; each is bounded by its timeouts, so this ends too.
   * Then joins the workers: the pool reports termination from its last worker, a moment before
   * that thread has ended, and a caller counting its threads afterwards must not see it.
   */
  private static void awaitQuietly(ThreadPoolExecutor pool, Queue<Thread> workers) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    for (Thread t : workers) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
