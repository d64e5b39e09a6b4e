package dev.hslab.real.tcp;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.HandshakeClose;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves one engine's records over one connected socket, on the caller's thread: what the engine
 * sends is written at once, what the socket delivers is fed to the engine in whatever chunks TCP
 * gives. Every read has the read timeout; the handshake has its own bound. Each engine event goes
 * to the listener as it happens and into the trace. The first ending it notices is the
 * connection's {@link Outcome}, decided here and recorded in the trace.
 */
final class Pump {

  private final Engine engine;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Timeouts timeouts;
  private final BridgeListener listener;
  private final int connection;
  private final long started = System.nanoTime();
  private final List<TraceEvent> events = new ArrayList<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private int records;
  private Outcome ending;
  /** The handshake ended by close_notify: the same rule as a run of two engines ({@link HandshakeClose}). */
  private final HandshakeClose close = new HandshakeClose();

  Pump(Engine engine, Socket socket, Timeouts timeouts, BridgeListener listener, int connection) throws IOException {
    this.engine = engine;
    this.socket = socket;
    this.timeouts = timeouts;
    this.listener = listener;
    this.connection = connection;
    socket.setSoTimeout((int) Math.max(1, timeouts.read().toMillis()));
    socket.setTcpNoDelay(true);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Runs the connection to its end and says how it ended. */
  BridgedConnection run(Conversation script) {
    try {
      apply(engine.start());
      long deadline = System.nanoTime() + timeouts.handshake().toNanos();
      while (ending == null && !engine.established()) {
        if (System.nanoTime() > deadline) {
          timeout("the handshake took longer than " + timeouts.handshake().toSeconds() + " s");
          break;
        }
        readOnce();
      }
      if (ending == null) {
        converse(script);
      }
    } catch (IOException e) {
      end(Outcome.ioError(engine.side(), engine.state(), "socket error in state " + engine.state() + ": " + e.getMessage()));
    }
    return new BridgedConnection(engine.negotiated(), engine.state(), Bytes.wrap(received.toByteArray()),
        new Trace(events, ending));
  }

  private void converse(Conversation script) throws IOException {
    for (Bytes request : script.requests()) {
      apply(engine.send(request));
      int target = received.size() + script.answerBytes();
      while (ending == null && received.size() < target) {
        readOnce();
      }
    }
    if (ending == null && script.close()) {
      apply(engine.close());
    }
    // Serve (or wait for the close) until the peer closes: close_notify, a TCP close or a timeout.
    while (ending == null) {
      int before = received.size();
      readOnce();
      if (ending == null && received.size() > before && !engine.terminal()) {
        Optional<Bytes> answer = script.responder().apply(Bytes.wrap(received.toByteArray()).slice(before, received.size()));
        if (answer.isPresent()) {
          apply(engine.send(answer.get()));
        }
      }
    }
  }

  /** One blocking read, bounded by the read timeout. */
  private void readOnce() throws IOException {
    byte[] buf = new byte[16 * 1024];
    int n;
    try {
      n = in.read(buf);
    } catch (SocketTimeoutException e) {
      timeout("no bytes from the peer for " + timeouts.read().toMillis() + " ms");
      return;
    }
    if (n < 0) {
      String waiting = engine.waitingFor();
      end(Outcome.peerClosed(engine.side(), engine.state(),
          engine.established() || waiting.equals("nothing") ? "" : waiting));
      return;
    }
    apply(engine.receive(Bytes.of(buf, 0, n)));
  }

  private void timeout(String why) {
    String state = engine.state();
    String waiting = engine.waitingFor();
    end(Outcome.timeout(engine.side(), state, waiting, why));
    apply(engine.timeout());
  }

  /** Writes the step's records, reports its events and notices an ending. */
  private void apply(Step step) {
    double t = (System.nanoTime() - started) / 1e6;
    events.addAll(TraceEvent.ofStep(t, engine.side(), step, records + 1));
    for (EngineEvent e : step.events()) {
      listener.onEvent(connection, engine.side(), t, e);
      if (close.observe(engine.side(), e)) {
        end(close.ending().orElseThrow());
      }
      if (e instanceof EngineEvent.ApplicationDataReceived d) {
        received.writeBytes(d.data().toByteArray());
      } else if (e instanceof EngineEvent.AlertSent a) {
        end(Outcome.alert(engine.side(), a.alert().description(), a.reason()));
      } else if (e instanceof EngineEvent.AlertReceived a && a.alert().level() == dev.hslab.model.wire.AlertLevel.FATAL) {
        end(Outcome.alertReceived(engine.side(), a.alert().description()));
      } else if (e instanceof EngineEvent.Closed) {
        end(Outcome.CLOSED);
      }
    }
    try {
      for (Bytes r : step.records()) {
        events.add(new TraceEvent.OfNetwork(t, engine.side(), ++records, TraceEvent.NetworkAction.DELIVERED, "tcp", r));
        out.write(r.toByteArray());
      }
      out.flush();
    } catch (IOException e) {
      end(Outcome.ioError(engine.side(), engine.state(), "cannot write to the peer in state " + engine.state() + ": " + e.getMessage()));
    }
    if (ending == null && engine.terminal()) {
      end(Outcome.ioError(engine.side(), engine.state(), "the engine stopped in state " + engine.state()));
    }
  }

  /** The first ending is the connection's outcome; what follows it (a close after an alert) changes nothing. */
  private void end(Outcome o) {
    if (ending == null) {
      ending = o;
    }
  }
}
