package dev.hslab.model.handshake;

import java.util.Locale;

/** Who starts a renegotiation once the connection is established (docs/cli.md {@code --renegotiate}). */
public enum Renegotiation {
  NONE,
  CLIENT,
  SERVER;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
