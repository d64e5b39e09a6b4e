package dev.hslab.model.handshake;

import java.util.Locale;

/** A first full handshake, then a resumed one (docs/cli.md {@code --resume}). */
public enum Resumption {
  NONE,
  /** RFC 5246 §7.3: the client offers the session ID of the first connection. */
  ID,
  /** RFC 5077: the client offers the ticket the server issued on the first connection. */
  TICKET;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
