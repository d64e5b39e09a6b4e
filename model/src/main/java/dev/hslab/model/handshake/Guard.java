package dev.hslab.model.handshake;

import dev.hslab.model.suite.KeyExchange;

/**
 * The named conditions of the transition tables, each a predicate over {@link Facts}. A row
 * holds a set of them (all must hold); rows that share a state and trigger have disjoint guards.
 * A guard on the key exchange does not hold while the hellos have not fixed it ({@link
 * Facts#keyExchange} null): a sequence that ends before its ServerHello (a handshake_failure
 * answering the ClientHello) owes none of the messages such a guard brackets, and stays checkable.
 */
public enum Guard {
  FULL("full"),
  RESUMED("resumed"),
  /** RFC 5246 §7.4.2: the key exchange is authenticated by a server certificate. */
  SERVER_CERTIFICATE("server cert"),
  /** RFC 5246 §7.4.2, RFC 4279 §2: anonymous and PSK key exchanges send no server Certificate. */
  NO_SERVER_CERTIFICATE("no server cert"),
  /** RFC 5246 §7.4.3: ephemeral and anonymous (EC)DH carry their parameters in ServerKeyExchange. */
  EPHEMERAL("ephemeral"),
  STATIC("static key exchange"),
  /** RFC 4279 §2: plain PSK sends ServerKeyExchange only to carry an identity hint. */
  PSK("psk"),
  SENDS_SERVER_KEY_EXCHANGE("ephemeral or psk hint"),
  CERTIFICATE_REQUESTED("cert requested"),
  NO_CERTIFICATE_REQUESTED("no cert requested"),
  /** RFC 5246 §7.4.6: in TLS a requested client always answers with a (possibly empty) Certificate. */
  CLIENT_SENDS_CERTIFICATE("cert requested, not SSL 3.0 without cert"),
  /** RFC 6101 §5.4.2: an SSL 3.0 client without a certificate answers with a no_certificate warning. */
  SSL3_NO_CERTIFICATE("SSL 3.0, no client cert"),
  /** RFC 5246 §7.4.8: CertificateVerify follows only a non-empty client Certificate. */
  CLIENT_CERTIFICATE("client cert"),
  NO_CLIENT_CERTIFICATE("no client cert"),
  SSL3("SSL 3.0"),
  TICKET("ticket"),
  NO_TICKET("no ticket"),
  RENEGOTIATION_ALLOWED("renegotiation allowed"),
  RENEGOTIATION_REFUSED("renegotiation refused"),
  /** A handshake over an established connection: application data may still flow. */
  RENEGOTIATING("renegotiating");

  private final String label;

  Guard(String label) {
    this.label = label;
  }

  /**
   * Whether the guard holds. A switch rather than a predicate per constant: the explorer tests
   * guards tens of millions of times, and one call site over twenty lambdas is a megamorphic call
   * the JIT cannot inline. A guard on the key exchange does not hold before the hellos fix it.
   */
  public boolean test(Facts f) {
    KeyExchange k = f.keyExchange();
    return switch (this) {
      case FULL -> !f.resumed();
      case RESUMED -> f.resumed();
      case SERVER_CERTIFICATE -> k != null && k.serverCertificate();
      case NO_SERVER_CERTIFICATE -> k != null && !k.serverCertificate();
      case EPHEMERAL -> k != null && k.ephemeral();
      case STATIC -> k != null && !k.ephemeral();
      case PSK -> k == KeyExchange.PSK;
      case SENDS_SERVER_KEY_EXCHANGE -> k != null && (k.ephemeral() || (k == KeyExchange.PSK && f.pskHint()));
      case CERTIFICATE_REQUESTED -> f.certificateRequested();
      case NO_CERTIFICATE_REQUESTED -> !f.certificateRequested();
      case CLIENT_SENDS_CERTIFICATE -> f.certificateRequested() && (!f.ssl3() || f.clientCertificate());
      case SSL3_NO_CERTIFICATE -> f.certificateRequested() && f.ssl3() && !f.clientCertificate();
      case CLIENT_CERTIFICATE -> f.clientCertificate();
      case NO_CLIENT_CERTIFICATE -> !f.clientCertificate();
      case SSL3 -> f.ssl3();
      case TICKET -> f.ticket();
      case NO_TICKET -> !f.ticket();
      case RENEGOTIATION_ALLOWED -> f.renegotiationAllowed();
      case RENEGOTIATION_REFUSED -> !f.renegotiationAllowed();
      case RENEGOTIATING -> f.renegotiating();
    };
  }

  public String label() {
    return label;
  }
}
