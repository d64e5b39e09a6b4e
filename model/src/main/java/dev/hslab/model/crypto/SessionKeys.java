package dev.hslab.model.crypto;

import java.util.Objects;

/** Both directions' record keys from one key block: what the client writes and what the server writes. */
public record SessionKeys(TrafficKeys client, TrafficKeys server) {

  public SessionKeys {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(server, "server");
  }

  /** The keys {@code sender} writes with (and its peer reads with). */
  public TrafficKeys writeKeys(Sender sender) {
    return sender == Sender.CLIENT ? client : server;
  }

  /** The keys {@code receiver} reads with: its peer's write keys. */
  public TrafficKeys readKeys(Sender receiver) {
    return writeKeys(receiver.peer());
  }
}
