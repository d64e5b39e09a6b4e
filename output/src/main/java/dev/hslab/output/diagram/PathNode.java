package dev.hslab.output.diagram;

import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A message at its place in a valid path: the handshake it belongs to (1 for the first, then one
 * per renegotiation), its sender and type, and which occurrence of that message in the handshake
 * it is (always 1 in the RFC flows; kept so that a table that repeats a message still draws).
 *
 * @param optional the sender's transition table sends it only under a guard (RFC 5246 §7.3 brackets)
 */
record PathNode(int handshake, Side side, String type, int repeat, boolean optional) {

  private static final Set<MessageKind> CLIENT_OPTIONAL = ClientTable.TABLE.sentOptionally();
  private static final Set<MessageKind> SERVER_OPTIONAL = ServerTable.TABLE.sentOptionally();

  /** A DOT id made of the place: {@code h1_server_certificate}, {@code h2_client_client_hello}. */
  String id() {
    String base = "h" + handshake + "_" + side.label() + "_" + type.replaceAll("[^A-Za-z0-9_]", "_");
    return repeat > 1 ? base + "_" + repeat : base;
  }

  /**
   * The places of a path's messages ({@code side.type} labels as in {@code Trace.labels()}). A
   * new handshake starts at a HelloRequest, or at a ClientHello that does not answer one (RFC
   * 5246 §7.4.1.1: HelloRequest asks the client to begin renegotiating).
   */
  static List<PathNode> place(List<String> labels) {
    List<PathNode> out = new ArrayList<>();
    int handshake = 0;
    String previousType = null;
    Map<String, Integer> seen = new HashMap<>();
    for (String label : labels) {
      int dot = label.indexOf('.');
      if (dot <= 0) {
        throw new IllegalArgumentException("not a side.type message label: '" + label + "'");
      }
      Side side = parseSide(label.substring(0, dot), label);
      String type = label.substring(dot + 1);
      boolean opens = type.equals("hello_request") || (type.equals("client_hello") && !"hello_request".equals(previousType));
      if (opens || handshake == 0) {
        handshake++;
        seen.clear();
      }
      int repeat = seen.merge(label, 1, Integer::sum);
      out.add(new PathNode(handshake, side, type, repeat, optional(side, type)));
      previousType = type;
    }
    return out;
  }

  private static Side parseSide(String s, String label) {
    for (Side side : Side.values()) {
      if (side.label().equals(s)) {
        return side;
      }
    }
    throw new IllegalArgumentException("unknown side in message label '" + label + "'");
  }

  private static boolean optional(Side side, String type) {
    Set<MessageKind> kinds = side == Side.CLIENT ? CLIENT_OPTIONAL : SERVER_OPTIONAL;
    for (MessageKind k : kinds) {
      if (k.label().equals(type.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
