package dev.hslab.real.findings;

import static dev.hslab.real.findings.FindingClass.ALLOWED;
import static dev.hslab.real.findings.FindingClass.CONFORMANCE;
import static dev.hslab.real.findings.FindingClass.SILENT;

import java.util.List;

/**
 * The classification table: every difference a real engine showed against the model's expected
 * ending, and what it means. Each difference must match exactly one rule; one that matches none
 * is reported as {@link FindingClass#UNCLASSIFIED}. The RFC words are quoted from RFC 5246 (TLS
 * 1.2) and RFC 5077; the engines' reasons were read from their failure (the provider's exception,
 * s_server's output) when the table was written, and the bytes on the wire are what the trace shows.
 */
public final class FindingRules {

  private FindingRules() {}

  private static final String ANY = "*";
  private static final String REAL = "jsse|bcjsse|openssl";

  private static final String Q_WARNING = "If an alert with a level of warning is sent and received, generally the "
      + "connection can continue normally. If the receiving party decides not to proceed with the connection (e.g., "
      + "after having received a no_renegotiation alert that it is not willing to accept), it SHOULD send a fatal "
      + "alert to terminate the connection.";
  private static final String Q_CLOSE = "The other party MUST respond with a close_notify alert of its own and close "
      + "down the connection immediately, discarding any pending writes.";
  private static final String Q_ERROR = "When an error is detected, the detecting party sends a message to the other "
      + "party. Upon transmission or receipt of a fatal alert message, both parties immediately close the connection.";
  private static final String Q_ORDER = "The handshake protocol messages are presented below in the order they MUST be "
      + "sent; sending handshake messages in an unexpected order results in a fatal error.";
  private static final String Q_UNEXPECTED = "unexpected_message: An inappropriate message was received. This alert is "
      + "always fatal and should never be observed in communication between proper implementations.";
  private static final String Q_BAD_MAC = "bad_record_mac: This alert is returned if a record is received with an "
      + "incorrect MAC. This alert also MUST be returned if an alert is sent because a TLSCiphertext decrypted in an "
      + "invalid way: either it wasn't an even multiple of the block length, or its padding values, when checked, "
      + "weren't correct.";

  /** The rules, in no particular order: exactly one covers each difference. */
  public static final List<FindingRule> ALL = List.of(
      new FindingRule("completes-handshake", REAL, ANY, "!no_certificate|no_renegotiation|close_notify", ANY, "!closed",
          "closed", CONFORMANCE, "RFC 5246 §7.4", Q_ORDER,
          "The engine completes a handshake whose messages came in an order the RFC forbids: it accepts what must "
              + "be refused.", ""),
      new FindingRule("ignores-warning", REAL, "inject", "no_certificate|no_renegotiation", ANY,
          "alert:engine:unexpected_message", "closed", ALLOWED, "RFC 5246 §7.2", Q_WARNING,
          "The engine ignores the warning alert and completes the handshake, as a receiver of a warning may; "
              + "no_certificate (41) is reserved since SSLv3 and MUST NOT be sent (§7.2.2), which binds the sender, "
              + "here the deviating model engine.", ""),
      new FindingRule("refuses-warning", REAL, "inject", "no_certificate|no_renegotiation", ANY,
          "alert:engine:unexpected_message", "alert:engine:handshake_failure", ALLOWED, "RFC 5246 §7.2", Q_WARNING,
          "The engine will not go on after the warning alert and ends the handshake with a fatal handshake_failure, "
              + "as §7.2 lets it; the model names the alert out of place unexpected_message.", ""),
      new FindingRule("answers-close-notify", "jsse", "inject", "close_notify", ANY, "alert:engine:unexpected_message",
          "alert:peer:unexpected_message|aborted", ALLOWED, "RFC 5246 §7.2.1", Q_CLOSE,
          "SunJSSE answers the injected close_notify with its own and closes, as §7.2.1 requires; the ending shown "
              + "is the deviating model engine's reaction to that answer (unexpected_message in the middle of its "
              + "handshake), or, after its ChangeCipherSpec, two close_notify that no side reports as a clean close.", ""),
      new FindingRule("close-notify-fatal", "bcjsse", "inject", "close_notify", ANY, "alert:engine:unexpected_message",
          "alert:engine:handshake_failure", ALLOWED, "RFC 5246 §7.2.1", Q_CLOSE,
          "BCJSSE ends the handshake with a fatal handshake_failure instead of the close_notify §7.2.1 asks for; the "
              + "model's unexpected_message is no closer to it, and either fatal alert closes the connection at once "
              + "(§7.2.2).", ""),
      new FindingRule("close-notify-silent", "openssl", "inject", "close_notify", ANY, "alert:engine:unexpected_message",
          "timeout", SILENT, "RFC 5246 §7.2.1", Q_CLOSE,
          "OpenSSL writes nothing after the injected close_notify (no close_notify of its own, no fatal alert) and "
              + "s_server/s_client close the socket; the model peer waits until its timer expires. libssl cannot be "
              + "made to answer: SSL_shutdown fails with 'shutdown while in init' during a handshake.", ""),
      new FindingRule("server-crashes-on-hello-request", "jsse", "inject", "hello_request", ANY,
          "alert:engine:unexpected_message", "timeout", SILENT, "RFC 5246 §7.2.2", Q_ERROR,
          "SunJSSE as a server fails on the client's HelloRequest with a ClassCastException (ServerHandshakeContext "
              + "cannot be cast to ClientHandshakeContext) thrown from SSLEngine.unwrap() at the next handshake "
              + "message; wrap() then produces no bytes: no alert, and the model client waits until its timer expires.", ""),
      new FindingRule("no-alert-before-client-hello", "bcjsse", ANY, ANY, "client_hello", "alert:engine:unexpected_message",
          "timeout", SILENT, "RFC 5246 §7.2.2", Q_ERROR,
          "BCJSSE as a server decides the RFC's alert (SSLEngine.unwrap() throws TlsFatalAlert: unexpected_message(10)) "
              + "but, before it has read a ClientHello, wrap() produces no alert bytes: the model client waits until "
              + "its timer expires.", ""),
      new FindingRule("first-record-internal-error", "jsse", "early_ccs|early_application_data",
          ANY, "client_hello|server_hello", "alert:engine:unexpected_message", "alert:engine:internal_error", ALLOWED,
          "RFC 5246 §7.2.2", Q_UNEXPECTED,
          "SunJSSE reads a first record that is not a handshake record as not TLS at all ('Unrecognized SSL message, "
              + "plaintext connection?') and refuses with internal_error, which §7.2.2 keeps for failures unrelated to "
              + "the peer: a misleading alert, but a refusal.", ""),
      new FindingRule("server-flight-other-alert", "jsse|bcjsse", "skip|swap|inject",
          "!no_certificate|no_renegotiation|close_notify", "certificate|server_key_exchange",
          "alert:engine:unexpected_message",
          "alert:engine:illegal_parameter|alert:engine:internal_error|alert:engine:handshake_failure", ALLOWED,
          "RFC 5246 §7.4", Q_ORDER,
          "The client refuses a server flight whose Certificate or ServerKeyExchange is missing or out of place with "
              + "another fatal alert than unexpected_message: SunJSSE illegal_parameter (RSA: 'No RSA credentials "
              + "negotiated for client key exchange'), handshake_failure (ECDHE_RSA, a ServerKeyExchange read as the "
              + "Certificate's successor: 'Invalid DH ServerKeyExchange: unknown extra data') or internal_error "
              + "(ECDHE_RSA without ServerKeyExchange: 'No ECDHE credentials negotiated for client key exchange'); "
              + "BCJSSE internal_error. The RFC asks for a fatal error; internal_error misnames its cause.", ""),
      new FindingRule("finished-read-as-plaintext", "bcjsse", "skip", "change_cipher_spec", "change_cipher_spec",
          "alert:engine:unexpected_message", "alert:engine:internal_error|alert:engine:decode_error", ALLOWED,
          "RFC 5246 §7.4", Q_ORDER,
          "Without the server's ChangeCipherSpec BCJSSE reads the encrypted Finished as a plaintext handshake "
              + "message whose type is the first ciphertext byte, which changes with every run's keys: an unknown type "
              + "gives the model's unexpected_message ('Handshake message of unrecognized type'), a known one fails "
              + "otherwise (internal_error). A refusal either way, and why this trace's ending varies between runs.", ""),
      new FindingRule("repeated-ccs-undecryptable", REAL, "repeat", "change_cipher_spec", ANY, "alert:engine:bad_record_mac",
          "alert:engine:handshake_failure|alert:engine:decode_error|alert:engine:internal_error", ALLOWED,
          "RFC 5246 §7.2.2", Q_BAD_MAC,
          "The copy of ChangeCipherSpec arrives after the keys changed, so it is read as a 1-byte AEAD record, shorter "
              + "than its explicit nonce and tag; §7.2.2's MUST for bad_record_mac covers block-cipher decryption, and "
              + "the engines name this one otherwise (SunJSSE handshake_failure, BCJSSE decode_error, OpenSSL "
              + "internal_error).", ""),
      new FindingRule("unsolicited-ticket-in-transcript", "jsse", "inject", "new_session_ticket", ANY,
          "alert:engine:unexpected_message", "alert:engine:decrypt_error", ALLOWED, "RFC 5077 §3.3, RFC 5246 §7.4.9",
          "[RFC 5077 §3.3] This message MUST NOT be sent if the server did not include a SessionTicket extension in the "
              + "ServerHello. [RFC 5246 §7.4.9] Recipients of Finished messages MUST verify that the contents are correct.",
          "SunJSSE takes the NewSessionTicket the server never announced into its handshake hash; the server's "
              + "Finished then fails the check (decrypt_error): a refusal, one message late.", ""),
      new FindingRule("repeated-client-hello-protocol-version", "openssl", "repeat", "client_hello", ANY,
          "alert:engine:unexpected_message", "alert:engine:protocol_version", ALLOWED, "RFC 5246 §7.4", Q_ORDER,
          "OpenSSL refuses the second ClientHello in the middle of the handshake with protocol_version instead of "
              + "unexpected_message: another fatal alert for the same refusal.", ""));
}
