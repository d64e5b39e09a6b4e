package dev.hslab.scenario;

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

  /** docs/cli.md's message type names, without {@code alert} (alerts are labelled by their name). */
  static final List<String> MESSAGE_TYPES = List.of("hello_request", "client_hello", "server_hello", "certificate",
      "server_key_exchange", "certificate_request", "server_hello_done", "certificate_verify", "client_key_exchange",
      "new_session_ticket", "finished", "change_cipher_spec", "application_data");

  private Labels() {}

  /** Every type a label can carry: the message types, then the alert names. */
  static List<String> types() {
    List<String> out = new ArrayList<>(MESSAGE_TYPES);
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
          + String.join(", ", MESSAGE_TYPES) + ", or an alert name such as close_notify)");
    }
    return Optional.empty();
  }
}
