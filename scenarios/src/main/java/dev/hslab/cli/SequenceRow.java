package dev.hslab.cli;

import dev.hslab.model.engine.Injector;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.Side;

/**
 * One row of a numbered message sequence, the one layout every sequence the tool prints uses
 * ({@code hslab run}'s table, and {@code connect}/{@code serve} printing live): number, time since
 * the connection started, direction, name (optional messages in brackets, RFC 5246 §7.3),
 * encrypted, size, and the fault the network applied to it if any.
 *
 * @param n the message's number in the sequence, from 1
 * @param timeMs when it was seen, in milliseconds since its connection started
 * @param from the side that sent it
 * @param message the message
 * @param fault the fault applied to it, or null
 */
record SequenceRow(int n, double timeMs, Side from, MessageInfo message, String fault) {

  /** The row, without a line end. */
  String text() {
    String name = RunReport.displayName(message.type(), message.alert());
    if (message.optional()) {
      name = "[" + name + "]";
    }
    // An injected message passes the record layer as its sender's own record: it tests the state
    // machine, unless its sender could not protect it (Injector.tests).
    String mark = message.injected() ? "injected: tests the " + Injector.tests(message).replace('_', ' ')
        : message.retransmitted() ? "retransmitted" : fault;
    String arrow = from == Side.CLIENT ? "client  --> server" : "client <--  server";
    return String.format("  %3d  %8.1f ms  %s  %-34s %-10s %6d B%s", n, timeMs, arrow, name,
        message.encrypted() ? "encrypted" : "", message.bytes(), mark == null ? "" : "  ** " + mark + " **");
  }
}
