package dev.hslab.model.message;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * NewSessionTicket (RFC 5077 §3.3): {@code uint32 ticket_lifetime_hint; opaque ticket<0..2^16-1>}.
 * An empty ticket is legal: the server keeps no ticket after all (RFC 5077 §3.3).
 */
public record NewSessionTicket(long ticketLifetimeHint, Bytes ticket) implements HandshakeMessage {

  public NewSessionTicket {
    if (ticketLifetimeHint < 0 || ticketLifetimeHint > 0xffffffffL) {
      throw new IllegalArgumentException("ticket_lifetime_hint out of uint32 range: " + ticketLifetimeHint);
    }
    if (ticket.length() > 0xffff) {
      throw new IllegalArgumentException("ticket longer than 2^16-1: " + ticket.length());
    }
  }

  public static NewSessionTicket decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    long hint = body.uint32("ticket_lifetime_hint");
    Bytes ticket = body.opaque16("ticket", 0, 0xffff);
    body.expectEnd("NewSessionTicket");
    return new NewSessionTicket(hint, ticket);
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.NEW_SESSION_TICKET;
  }

  @Override
  public void encodeBody(WireWriter w) {
    w.uint32(ticketLifetimeHint).opaque16(ticket);
  }

  @Override
  public String describe() {
    return "NewSessionTicket lifetime_hint=" + ticketLifetimeHint + "s ticket=" + ticket.length() + " bytes";
  }
}
