package dev.hslab.model.crypto;

import dev.hslab.model.wire.Bytes;

/** The side that sends a Finished message: it picks the TLS label and the SSL 3.0 Sender. */
public enum Sender {
  CLIENT("client finished", 0x434C4E54),
  SERVER("server finished", 0x53525652);

  private final String finishedLabel;
  private final Bytes ssl3Sender;

  Sender(String finishedLabel, int ssl3Sender) {
    this.finishedLabel = finishedLabel;
    this.ssl3Sender = Bytes.of((byte) (ssl3Sender >>> 24), (byte) (ssl3Sender >>> 16),
        (byte) (ssl3Sender >>> 8), (byte) ssl3Sender);
  }

  /** RFC 5246 §7.4.9: finished_label. */
  public String finishedLabel() {
    return finishedLabel;
  }

  /** RFC 6101 §5.6.9: enum { client(0x434C4E54), server(0x53525652) } Sender ("CLNT", "SRVR"). */
  public Bytes ssl3Sender() {
    return ssl3Sender;
  }

  public Sender peer() {
    return this == CLIENT ? SERVER : CLIENT;
  }
}
