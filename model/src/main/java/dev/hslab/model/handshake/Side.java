package dev.hslab.model.handshake;

import java.util.Locale;

/** The two roles of a TLS connection. */
public enum Side {
  CLIENT,
  SERVER;

  public Side peer() {
    return this == CLIENT ? SERVER : CLIENT;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
