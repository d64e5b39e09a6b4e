package dev.hslab.model.handshake;

import java.util.Locale;

/** The server's client-authentication policy (docs/cli.md {@code --client-auth}). */
public enum ClientAuth {
  NONE,
  REQUEST,
  REQUIRE;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
