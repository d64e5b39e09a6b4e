package dev.hslab.actors;

import java.util.List;

/** The docs/cli.md message type names (RFC names in snake case) that fault targets may use. */
final class MessageTypes {

  static final List<String> ALL = List.of("hello_request", "client_hello", "server_hello", "certificate",
      "server_key_exchange", "certificate_request", "server_hello_done", "certificate_verify", "client_key_exchange",
      "new_session_ticket", "finished", "change_cipher_spec", "alert", "application_data");

  private MessageTypes() {}

  static boolean known(String type) {
    return ALL.contains(type);
  }
}
