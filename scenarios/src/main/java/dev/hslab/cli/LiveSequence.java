package dev.hslab.cli;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Side;
import dev.hslab.real.tcp.BridgeListener;
import dev.hslab.real.tcp.BridgedConnection;
import java.io.PrintWriter;

/**
 * Prints a bridged connection's numbered message sequence as it happens, one {@link SequenceRow}
 * per message as the bridged engine sees it (the layout of {@code hslab run}), then its outcome.
 */
final class LiveSequence implements BridgeListener {

  private final PrintWriter out;
  private final boolean quiet;
  private int connection;
  private int n;

  LiveSequence(PrintWriter out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  @Override
  public synchronized void onEvent(int conn, Side side, double timeMs, EngineEvent event) {
    if (quiet) {
      return;
    }
    if (conn != connection) {
      connection = conn;
      n = 0;
      out.println("connection " + conn + ":");
    }
    if (event instanceof EngineEvent.MessageSent s) {
      line(timeMs, side, s.message());
    } else if (event instanceof EngineEvent.MessageReceived r) {
      line(timeMs, side.peer(), r.message());
    } else if (event instanceof EngineEvent.Established e) {
      out.println("    established: " + negotiated(e.negotiated()));
    }
    out.flush();
  }

  // A bridge applies no faults: the fault column stays empty.
  private void line(double timeMs, Side from, MessageInfo m) {
    out.println(new SequenceRow(++n, timeMs, from, m, null).text());
  }

  void outcome(BridgedConnection o) {
    if (!quiet) {
      out.println("    outcome: " + o.ending() + " - " + o.detail());
      out.flush();
    }
  }

  static String negotiated(Negotiated n) {
    return n.version().displayName() + ", " + n.cipherSuite().ianaName() + (n.resumed() ? ", resumed" : "")
        + (n.clientAuthenticated() ? ", client authenticated" : "");
  }
}
