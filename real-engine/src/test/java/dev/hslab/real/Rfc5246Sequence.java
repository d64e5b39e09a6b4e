package dev.hslab.real;

import dev.hslab.model.suite.KeyExchange;
import java.util.ArrayList;
import java.util.List;

/** The message sequences of RFC 5246 §7.3 (Figures 1 and 2), as trace labels of a real engine. */
final class Rfc5246Sequence {

  private Rfc5246Sequence() {}

  /**
   * A full handshake. The Finished messages travel encrypted, so they appear as
   * {@code encrypted_handshake_message}; a server that issues an RFC 5077 ticket sends
   * NewSessionTicket before its ChangeCipherSpec (RFC 5077 §3.3).
   */
  static List<String> full(KeyExchange kex, boolean clientCertificate, boolean ticket) {
    List<String> s = new ArrayList<>();
    s.add("client.client_hello");
    s.add("server.server_hello");
    if (kex.serverCertificate()) {
      s.add("server.certificate");
    }
    if (kex.ephemeral()) {
      s.add("server.server_key_exchange");
    }
    if (clientCertificate) {
      s.add("server.certificate_request");
    }
    s.add("server.server_hello_done");
    if (clientCertificate) {
      s.add("client.certificate");
    }
    s.add("client.client_key_exchange");
    if (clientCertificate) {
      s.add("client.certificate_verify");
    }
    s.add("client.change_cipher_spec");
    s.add("client.encrypted_handshake_message");
    if (ticket) {
      s.add("server.new_session_ticket");
    }
    s.add("server.change_cipher_spec");
    s.add("server.encrypted_handshake_message");
    return s;
  }

  /** The abbreviated handshake of a resumed session (RFC 5246 Figure 2, RFC 5077 §3.1). */
  static List<String> abbreviated(boolean ticket) {
    List<String> s = new ArrayList<>(List.of("client.client_hello", "server.server_hello"));
    if (ticket) {
      s.add("server.new_session_ticket");
    }
    s.addAll(List.of("server.change_cipher_spec", "server.encrypted_handshake_message",
        "client.change_cipher_spec", "client.encrypted_handshake_message"));
    return s;
  }

  /**
   * Application data both ways and the close. A sender that splits TLS 1.0 CBC records 1/n-1 (the
   * BEAST countermeasure) sends data longer than a byte in two records.
   */
  static List<String> exchangeAndClose(boolean clientSplits, boolean serverSplits) {
    List<String> s = new ArrayList<>();
    s.add("client.application_data");
    if (clientSplits) {
      s.add("client.application_data");
    }
    s.add("server.application_data");
    if (serverSplits) {
      s.add("server.application_data");
    }
    s.add("client.close_notify");
    s.add("server.close_notify");
    return s;
  }
}
