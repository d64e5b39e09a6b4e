package dev.hslab.real;

import dev.hslab.model.handshake.Side;

/**
 * Best effort at the message a real engine waits for, from the last message seen on the wire:
 * the provider does not say, so this follows the RFC 5246 §7.3 flights.
 */
final class WaitingFor {

  private WaitingFor() {}

  static String after(Side self, Side lastFrom, String lastType, boolean abbreviated) {
    if (lastFrom == null) {
      return self == Side.CLIENT ? "server_hello" : "client_hello";
    }
    return switch (lastType) {
      case "client_hello" -> "server_hello";
      case "server_hello", "certificate_request", "server_key_exchange" ->
          abbreviated ? "change_cipher_spec" : "server_hello_done";
      case "certificate" -> lastFrom == Side.SERVER ? "server_hello_done" : "client_key_exchange";
      case "server_hello_done" -> "client_key_exchange";
      case "client_key_exchange", "certificate_verify", "new_session_ticket" -> "change_cipher_spec";
      case "change_cipher_spec" -> "finished";
      // A Finished (or the encrypted record that carries it) ends one side's flight.
      case "finished", Infos.ENCRYPTED_HANDSHAKE -> "change_cipher_spec";
      default -> "";
    };
  }
}
