package dev.hslab.scenario;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.wire.AlertDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code side.type} labels of a message sequence, as {@code Trace.labels()} writes them:
 * {@code client.client_hello}, {@code server.finished}, and alerts by name,
 * {@code client.close_notify}.
 */
final class Labels {

  /** The message type names ({@link MessageKind#typeNames()}) without {@code alert}: alerts are labelled by their name. */
  static List<String> messageTypes() {
    return MessageKind.typeNames().stream().filter(t -> !t.equals("alert")).toList();
  }

  private Labels() {}

  /** Every type a label can carry: the message types, then the alert names. */
  static List<String> types() {
    List<String> out = new ArrayList<>(messageTypes());
    for (AlertDescription d : AlertDescription.values()) {
      out.add(d.rfcName());
    }
    return out;
  }

  /** Why {@code label} is not a label, or empty when it is one. */
  static Optional<String> problem(String label) {
    int dot = label.indexOf('.');
    String side = dot < 0 ? "" : label.substring(0, dot);
    if (!side.equals("client") && !side.equals("server")) {
      return Optional.of("'" + label + "' is not a message label (expected side.type such as client.client_hello"
          + " or server.close_notify)");
    }
    String type = label.substring(dot + 1);
    if (!types().contains(type)) {
      return Optional.of("unknown message type '" + type + "' in '" + label + "' (allowed: "
          + String.join(", ", messageTypes()) + ", or an alert name such as close_notify)");
    }
    return Optional.empty();
  }
}
