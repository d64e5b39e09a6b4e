package dev.hslab.model.loopback;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs a client engine against a server engine in memory, synchronously: each record one side
 * sends is handed to the other in order, until neither has anything left to say; then the next
 * scripted action. No threads, no time: the run is a function of the engines and the script.
 * Every record handed over is in the trace as a delivered network event, so captures can be
 * written from a loopback run too.
 */
public final class Loopback {

  /** Something the application on one side does once the connection is quiet. */
  public sealed interface Action {
    Side side();

    record Send(Side side, Bytes data) implements Action {}

    record Renegotiate(Side side) implements Action {}

    record Close(Side side) implements Action {}
  }

  /** Bounds a run between two misbehaving engines that would answer each other forever. */
  private static final int MAX_RECORDS = 10_000;

  private final Engine client;
  private final Engine server;
  private final List<TraceEvent> events = new ArrayList<>();
  private final Deque<Bytes> toServer = new ArrayDeque<>();
  private final Deque<Bytes> toClient = new ArrayDeque<>();
  private int delivered;
  private int clientRecords;
  private int serverRecords;

  private Loopback(Engine client, Engine server) {
    this.client = client;
    this.server = server;
  }

  /** Starts the client, runs the handshake, then each action in turn. */
  public static Trace run(Engine client, Engine server, List<Action> script) {
    Loopback lb = new Loopback(client, server);
    lb.record(Side.SERVER, server.start());
    lb.record(Side.CLIENT, client.start());
    lb.pump();
    for (Action a : script) {
      Engine e = a.side() == Side.CLIENT ? client : server;
      if (e.terminal()) {
        break;
      }
      Step s;
      if (a instanceof Action.Send send) {
        s = e.send(send.data());
      } else if (a instanceof Action.Renegotiate) {
        s = e.renegotiate();
      } else {
        s = e.close();
      }
      lb.record(a.side(), s);
      lb.pump();
    }
    return new Trace(lb.events);
  }

  private void record(Side side, Step step) {
    // The side's records are numbered as they are delivered, in the order they are queued.
    int first = 1 + (side == Side.CLIENT ? clientRecords + toServer.size() : serverRecords + toClient.size());
    events.addAll(TraceEvent.ofStep(0, side, step, first));
    (side == Side.CLIENT ? toServer : toClient).addAll(step.records());
  }

  /** Delivers records, client's first, one at a time, until both directions are empty. */
  private void pump() {
    while (!toServer.isEmpty() || !toClient.isEmpty()) {
      if (++delivered > MAX_RECORDS) {
        throw new IllegalStateException("loopback: more than " + MAX_RECORDS + " records; engines loop");
      }
      if (!toServer.isEmpty()) {
        Bytes r = toServer.poll();
        events.add(new TraceEvent.OfNetwork(0, Side.CLIENT, ++clientRecords, NetworkAction.DELIVERED, "", r));
        if (!server.terminal()) {
          record(Side.SERVER, server.receive(r));
        }
      } else {
        Bytes r = toClient.poll();
        events.add(new TraceEvent.OfNetwork(0, Side.SERVER, ++serverRecords, NetworkAction.DELIVERED, "", r));
        if (!client.terminal()) {
          record(Side.CLIENT, client.receive(r));
        }
      }
    }
  }
}
