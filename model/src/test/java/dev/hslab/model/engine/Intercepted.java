package dev.hslab.model.engine;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A loopback whose records pass through a test's hands: the function sees each record (with its
 * sender and number, counted per sender from 1) and returns what to deliver instead, or null to
 * drop it. Collects every engine event.
 */
final class Intercepted {

  final List<EngineEvent> clientEvents = new ArrayList<>();
  final List<EngineEvent> serverEvents = new ArrayList<>();

  static Intercepted run(Engine client, Engine server, BiFunction<Side, Integer, java.util.function.UnaryOperator<Bytes>> tamper) {
    Intercepted x = new Intercepted();
    Deque<Bytes> toServer = new ArrayDeque<>();
    Deque<Bytes> toClient = new ArrayDeque<>();
    Step s = client.start();
    x.clientEvents.addAll(s.events());
    toServer.addAll(s.records());
    int fromClient = 0;
    int fromServer = 0;
    while (!toServer.isEmpty() || !toClient.isEmpty()) {
      if (!toServer.isEmpty()) {
        Bytes r = tamper.apply(Side.CLIENT, ++fromClient).apply(toServer.poll());
        if (r != null) {
          Step st = server.receive(r);
          x.serverEvents.addAll(st.events());
          toClient.addAll(st.records());
        }
      } else {
        Bytes r = tamper.apply(Side.SERVER, ++fromServer).apply(toClient.poll());
        if (r != null) {
          Step st = client.receive(r);
          x.clientEvents.addAll(st.events());
          toServer.addAll(st.records());
        }
      }
    }
    return x;
  }

  static java.util.function.UnaryOperator<Bytes> pass() {
    return b -> b;
  }

  static Bytes flip(Bytes record, int offset) {
    byte[] b = record.toByteArray();
    b[offset] ^= 0x01;
    return Bytes.wrap(b);
  }

  List<EngineEvent> events(Side side) {
    return side == Side.CLIENT ? clientEvents : serverEvents;
  }
}
