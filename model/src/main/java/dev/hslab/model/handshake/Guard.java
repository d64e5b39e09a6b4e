package dev.hslab.model.handshake;

import dev.hslab.model.suite.KeyExchange;
import java.util.function.Predicate;

/**
 * The named conditions of the transition tables, each a predicate over {@link Facts}. A row
 * holds a set of them (all must hold); rows that share a state and trigger have disjoint guards.
 * A guard on the key exchange does not hold while the hellos have not fixed it ({@link
 * Facts#keyExchange} null): a sequence that ends before its ServerHello (a handshake_failure
 * answering the ClientHello) owes none of the messages such a guard brackets, and stays checkable.
 */
public enum Guard {
  FULL("full", f -> !f.resumed()),
  RESUMED("resumed", Facts::resumed),
  /** RFC 5246 §7.4.2: the key exchange is authenticated by a server certificate. */
  SERVER_CERTIFICATE("server cert", kex(KeyExchange::serverCertificate)),
  /** RFC 5246 §7.4.2, RFC 4279 §2: anonymous and PSK key exchanges send no server Certificate. */
  NO_SERVER_CERTIFICATE("no server cert", kex(k -> !k.serverCertificate())),
  /** RFC 5246 §7.4.3: ephemeral and anonymous (EC)DH carry their parameters in ServerKeyExchange. */
  EPHEMERAL("ephemeral", kex(KeyExchange::ephemeral)),
  STATIC("static key exchange", kex(k -> !k.ephemeral())),
  /** RFC 4279 §2: plain PSK sends ServerKeyExchange only to carry an identity hint. */
  PSK("psk", f -> f.keyExchange() == KeyExchange.PSK),
  SENDS_SERVER_KEY_EXCHANGE("ephemeral or psk hint",
      f -> f.keyExchange() != null && (f.keyExchange().ephemeral() || (f.keyExchange() == KeyExchange.PSK && f.pskHint()))),
  CERTIFICATE_REQUESTED("cert requested", Facts::certificateRequested),
  NO_CERTIFICATE_REQUESTED("no cert requested", f -> !f.certificateRequested()),
  /** RFC 5246 §7.4.6: in TLS a requested client always answers with a (possibly empty) Certificate. */
  CLIENT_SENDS_CERTIFICATE("cert requested, not SSL 3.0 without cert",
      f -> f.certificateRequested() && (!f.ssl3() || f.clientCertificate())),
  /** RFC 6101 §5.4.2: an SSL 3.0 client without a certificate answers with a no_certificate warning. */
  SSL3_NO_CERTIFICATE("SSL 3.0, no client cert",
      f -> f.certificateRequested() && f.ssl3() && !f.clientCertificate()),
  /** RFC 5246 §7.4.8: CertificateVerify follows only a non-empty client Certificate. */
  CLIENT_CERTIFICATE("client cert", Facts::clientCertificate),
  NO_CLIENT_CERTIFICATE("no client cert", f -> !f.clientCertificate()),
  SSL3("SSL 3.0", Facts::ssl3),
  TICKET("ticket", Facts::ticket),
  NO_TICKET("no ticket", f -> !f.ticket()),
  RENEGOTIATION_ALLOWED("renegotiation allowed", Facts::renegotiationAllowed),
  RENEGOTIATION_REFUSED("renegotiation refused", f -> !f.renegotiationAllowed()),
  /** A handshake over an established connection: application data may still flow. */
  RENEGOTIATING("renegotiating", Facts::renegotiating);

  /** {@code test} on the negotiated key exchange; false before the hellos fix it. */
  private static Predicate<Facts> kex(Predicate<KeyExchange> test) {
    return f -> f.keyExchange() != null && test.test(f.keyExchange());
  }

  private final String label;
  private final Predicate<Facts> test;

  Guard(String label, Predicate<Facts> test) {
    this.label = label;
    this.test = test;
  }

  public boolean test(Facts facts) {
    return test.test(facts);
  }

  public String label() {
    return label;
  }
}
