package dev.hslab.model.handshake;

import static dev.hslab.model.handshake.Guard.*;
import static dev.hslab.model.handshake.MessageKind.*;
import static dev.hslab.model.handshake.ServerState.*;
import static dev.hslab.model.handshake.TransitionTable.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's transition table, SSL 3.0 to TLS 1.2 (RFC 5246 §7.3, RFC 6101 §5.5, RFC 4279,
 * RFC 4492/8422, RFC 5077, RFC 5746). Absorbing the ClientHello decides version, suite,
 * resumption, ticket and whether a client certificate is requested; the rows then say what
 * follows.
 */
public final class ServerTable {

  private ServerTable() {}

  /** RFC 5246 §7.3: ServerHello [Certificate] [ServerKeyExchange] [CertificateRequest] ServerHelloDone. */
  private static final Emit[] FULL_FLIGHT = {
    send(SERVER_HELLO),
    sendIf(CERTIFICATE, SERVER_CERTIFICATE),
    sendIf(SERVER_KEY_EXCHANGE, SENDS_SERVER_KEY_EXCHANGE),
    sendIf(CERTIFICATE_REQUEST, CERTIFICATE_REQUESTED),
    send(SERVER_HELLO_DONE)
  };

  /** RFC 5246 §7.3 Figure 2, RFC 5077 §3.1: ServerHello [NewSessionTicket] CCS Finished. */
  private static final Emit[] RESUMED_FLIGHT = {
    send(SERVER_HELLO), sendIf(NEW_SESSION_TICKET, TICKET), send(CHANGE_CIPHER_SPEC), send(FINISHED)
  };

  public static final TransitionTable<ServerState> TABLE = build();

  private static TransitionTable<ServerState> build() {
    List<Transition<ServerState>> rows = new ArrayList<>(List.of(
        //  from                      on                            guards                                 to
        row(WAIT_CLIENT_HELLO,        recv(CLIENT_HELLO),           when(FULL, CERTIFICATE_REQUESTED),     WAIT_CLIENT_CERTIFICATE, FULL_FLIGHT),
        row(WAIT_CLIENT_HELLO,        recv(CLIENT_HELLO),           when(FULL, NO_CERTIFICATE_REQUESTED),  WAIT_CLIENT_KEY_EXCHANGE, FULL_FLIGHT),
        row(WAIT_CLIENT_HELLO,        recv(CLIENT_HELLO),           when(RESUMED),                         WAIT_CHANGE_CIPHER_SPEC, RESUMED_FLIGHT),
        row(WAIT_CLIENT_CERTIFICATE,  recv(CERTIFICATE),            always(),                              WAIT_CLIENT_KEY_EXCHANGE),
        row(WAIT_CLIENT_CERTIFICATE,  recv(NO_CERTIFICATE_ALERT),   when(SSL3),                            WAIT_CLIENT_KEY_EXCHANGE),
        row(WAIT_CLIENT_KEY_EXCHANGE, recv(CLIENT_KEY_EXCHANGE),    when(CLIENT_CERTIFICATE),              WAIT_CERTIFICATE_VERIFY),
        row(WAIT_CLIENT_KEY_EXCHANGE, recv(CLIENT_KEY_EXCHANGE),    when(NO_CLIENT_CERTIFICATE),           WAIT_CHANGE_CIPHER_SPEC),
        row(WAIT_CERTIFICATE_VERIFY,  recv(CERTIFICATE_VERIFY),     always(),                              WAIT_CHANGE_CIPHER_SPEC),
        row(WAIT_CHANGE_CIPHER_SPEC,  recv(CHANGE_CIPHER_SPEC),     always(),                              WAIT_FINISHED),
        row(WAIT_FINISHED,            recv(FINISHED),               when(FULL),                            ESTABLISHED,
            sendIf(NEW_SESSION_TICKET, TICKET), send(CHANGE_CIPHER_SPEC), send(FINISHED)),
        row(WAIT_FINISHED,            recv(FINISHED),               when(RESUMED),                         ESTABLISHED),
        row(ESTABLISHED,              recv(APPLICATION_DATA),       always(),                              ESTABLISHED),
        row(ESTABLISHED,              local(LocalEvent.SEND_DATA),  always(),                              ESTABLISHED, send(APPLICATION_DATA)),
        // RFC 5246 §7.4.1.1: the server asks; the client answers with a ClientHello or no_renegotiation.
        row(ESTABLISHED,              local(LocalEvent.RENEGOTIATE), always(),                             ESTABLISHED, send(HELLO_REQUEST)),
        row(ESTABLISHED,              recv(NO_RENEGOTIATION_ALERT), always(),                              ESTABLISHED),
        row(ESTABLISHED,              recv(CLIENT_HELLO),           when(RENEGOTIATION_ALLOWED, FULL, CERTIFICATE_REQUESTED),    WAIT_CLIENT_CERTIFICATE, FULL_FLIGHT),
        row(ESTABLISHED,              recv(CLIENT_HELLO),           when(RENEGOTIATION_ALLOWED, FULL, NO_CERTIFICATE_REQUESTED), WAIT_CLIENT_KEY_EXCHANGE, FULL_FLIGHT),
        row(ESTABLISHED,              recv(CLIENT_HELLO),           when(RENEGOTIATION_ALLOWED, RESUMED),  WAIT_CHANGE_CIPHER_SPEC, RESUMED_FLIGHT),
        row(ESTABLISHED,              recv(CLIENT_HELLO),           when(RENEGOTIATION_REFUSED),           ESTABLISHED, send(NO_RENEGOTIATION_ALERT)),
        row(ESTABLISHED,              local(LocalEvent.CLOSE),      always(),                              WAIT_CLOSE_NOTIFY, send(CLOSE_NOTIFY_ALERT)),
        row(ESTABLISHED,              recv(CLOSE_NOTIFY_ALERT),     always(),                              CLOSED, send(CLOSE_NOTIFY_ALERT)),
        // RFC 5246 §7.2.1: data the peer sent before it saw our close_notify is still delivered.
        row(WAIT_CLOSE_NOTIFY,        recv(APPLICATION_DATA),       always(),                              WAIT_CLOSE_NOTIFY),
        row(WAIT_CLOSE_NOTIFY,        recv(CLOSE_NOTIFY_ALERT),     always(),                              CLOSED)));
    for (ServerState s : List.of(WAIT_CLIENT_CERTIFICATE, WAIT_CLIENT_KEY_EXCHANGE, WAIT_CERTIFICATE_VERIFY,
        WAIT_CHANGE_CIPHER_SPEC, WAIT_FINISHED)) {
      // During a renegotiation the established connection still carries application data.
      rows.add(row(s, recv(APPLICATION_DATA), when(RENEGOTIATING), s));
    }
    return new TransitionTable<>(Side.SERVER, ServerState.class, WAIT_CLIENT_HELLO, FAILED, rows);
  }
}
