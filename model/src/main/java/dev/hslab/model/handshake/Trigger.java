package dev.hslab.model.handshake;

/** What a transition waits for: a message from the peer, or a local event. */
public sealed interface Trigger {

  record Receive(MessageKind kind) implements Trigger {
    @Override
    public String toString() {
      return "recv " + kind.label();
    }
  }

  record Local(LocalEvent event) implements Trigger {
    @Override
    public String toString() {
      return event.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static Trigger receive(MessageKind kind) {
    return new Receive(kind);
  }

  static Trigger local(LocalEvent event) {
    return new Local(event);
  }
}
