package dev.hslab.model.handshake;

/** What the application (or a test, or the simulation) asks an endpoint to do. */
public enum LocalEvent {
  /** The client opens the connection. */
  START,
  /** Start a renegotiation over the established connection (RFC 5246 §7.4.1.1–7.4.1.2). */
  RENEGOTIATE,
  /** Send application data. */
  SEND_DATA,
  /** Close the connection with close_notify (RFC 5246 §7.2.1). */
  CLOSE
}
