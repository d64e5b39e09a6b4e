package dev.hslab.model.handshake;

import dev.hslab.model.message.HandshakeType;
import java.util.List;
import java.util.Locale;

/**
 * What the transition tables see of a message: a handshake type, ChangeCipherSpec, application
 * data, or one of the warning alerts that take part in a flow (close_notify, SSL 3.0's
 * no_certificate, no_renegotiation). Fatal alerts are not table rows: one rule ends the
 * connection on any of them. DTLS adds hello_verify_request (RFC 6347 §4.2.1); {@link #tls()} and
 * {@link #typeNames()} leave it out, so what TLS enumerates (faults, injections, the explorer) is
 * what it was before DTLS.
 */
public enum MessageKind {
  HELLO_REQUEST(HandshakeType.HELLO_REQUEST),
  CLIENT_HELLO(HandshakeType.CLIENT_HELLO),
  SERVER_HELLO(HandshakeType.SERVER_HELLO),
  /** RFC 6347 §4.2.1: DTLS only; read only by the DTLS tables. */
  HELLO_VERIFY_REQUEST(HandshakeType.HELLO_VERIFY_REQUEST),
  CERTIFICATE(HandshakeType.CERTIFICATE),
  SERVER_KEY_EXCHANGE(HandshakeType.SERVER_KEY_EXCHANGE),
  CERTIFICATE_REQUEST(HandshakeType.CERTIFICATE_REQUEST),
  SERVER_HELLO_DONE(HandshakeType.SERVER_HELLO_DONE),
  CERTIFICATE_VERIFY(HandshakeType.CERTIFICATE_VERIFY),
  CLIENT_KEY_EXCHANGE(HandshakeType.CLIENT_KEY_EXCHANGE),
  NEW_SESSION_TICKET(HandshakeType.NEW_SESSION_TICKET),
  FINISHED(HandshakeType.FINISHED),
  CHANGE_CIPHER_SPEC(null),
  APPLICATION_DATA(null),
  /** RFC 6101 §5.4.2: SSL 3.0's warning in place of a client Certificate. */
  NO_CERTIFICATE_ALERT(null),
  /** RFC 5246 §7.2.2: a warning that refuses renegotiation. */
  NO_RENEGOTIATION_ALERT(null),
  /** RFC 5246 §7.2.1. */
  CLOSE_NOTIFY_ALERT(null);

  private final HandshakeType handshakeType;

  MessageKind(HandshakeType handshakeType) {
    this.handshakeType = handshakeType;
  }

  /** The handshake type, or null for records of other content types. */
  public HandshakeType handshakeType() {
    return handshakeType;
  }

  public boolean isHandshake() {
    return handshakeType != null;
  }

  /** Whether only DTLS sends this kind: hello_verify_request. */
  public boolean dtlsOnly() {
    return handshakeType != null && handshakeType.dtlsOnly();
  }

  /** The kinds of TLS, in declaration order: every kind but the DTLS-only ones. */
  public static List<MessageKind> tls() {
    return TLS;
  }

  /** The kinds of TLS or, with {@code dtls}, of DTLS (every kind), in declaration order. */
  public static List<MessageKind> of(boolean dtls) {
    return dtls ? ALL : TLS;
  }

  public boolean isAlert() {
    return name().endsWith("_ALERT");
  }

  /**
   * The docs/cli.md type name: the RFC name for handshake messages and records
   * ({@code server_key_exchange}, {@code change_cipher_spec}), {@code alert} for alerts.
   */
  public String typeName() {
    return isAlert() ? "alert" : name().toLowerCase(Locale.ROOT);
  }

  /** The alert's RFC name for alert kinds ({@code close_notify}), else the type name. */
  public String label() {
    return isAlert() ? name().substring(0, name().length() - "_ALERT".length()).toLowerCase(Locale.ROOT) : typeName();
  }

  /**
   * Every TLS type name, once each, in declaration order: the handshake types, change_cipher_spec,
   * application_data, then alert.
   */
  public static List<String> typeNames() {
    return TYPE_NAMES;
  }

  /** {@link #typeNames()}, with DTLS's hello_verify_request when {@code dtls}. */
  public static List<String> typeNames(boolean dtls) {
    return dtls ? DTLS_TYPE_NAMES : TYPE_NAMES;
  }

  /**
   * The kind of a type name; for {@code alert}, the first alert kind, since the alert kinds share
   * that name.
   *
   * @throws IllegalArgumentException for a name that is no type name
   */
  public static MessageKind ofTypeName(String typeName) {
    for (MessageKind k : values()) {
      if (k.typeName().equals(typeName)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no message type " + typeName);
  }

  private static final List<MessageKind> ALL = List.of(values());
  private static final List<MessageKind> TLS = ALL.stream().filter(k -> !k.dtlsOnly()).toList();
  private static final List<String> TYPE_NAMES = TLS.stream().map(MessageKind::typeName).distinct().toList();
  private static final List<String> DTLS_TYPE_NAMES = ALL.stream().map(MessageKind::typeName).distinct().toList();

  public static MessageKind of(HandshakeType type) {
    for (MessageKind k : values()) {
      if (k.handshakeType == type) {
        return k;
      }
    }
    throw new IllegalArgumentException("no kind for " + type);
  }
}
