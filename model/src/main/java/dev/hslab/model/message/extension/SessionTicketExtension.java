package dev.hslab.model.message.extension;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * SessionTicket (RFC 5077 §3.2): the whole extension_data is the opaque ticket, with no inner
 * length. Empty in a ClientHello that asks for a new ticket and in the server's acknowledgement.
 */
public record SessionTicketExtension(Bytes ticket) implements Extension {

  public static final SessionTicketExtension EMPTY = new SessionTicketExtension(Bytes.EMPTY);

  public SessionTicketExtension {
    if (ticket.length() > 0xffff) {
      throw new IllegalArgumentException("session_ticket longer than 2^16-1: " + ticket.length());
    }
  }

  public static SessionTicketExtension decode(WireReader data) {
    return new SessionTicketExtension(data.rest());
  }

  @Override
  public int typeCode() {
    return ExtensionType.SESSION_TICKET.code();
  }

  @Override
  public void encodeData(WireWriter w) {
    w.bytes(ticket);
  }

  @Override
  public String describe() {
    return "session_ticket(" + ticket.length() + " bytes)";
  }
}
