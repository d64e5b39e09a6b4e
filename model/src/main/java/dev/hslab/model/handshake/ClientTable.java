package dev.hslab.model.handshake;

import static dev.hslab.model.handshake.ClientState.*;
import static dev.hslab.model.handshake.Guard.*;
import static dev.hslab.model.handshake.MessageKind.*;
import static dev.hslab.model.handshake.TransitionTable.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The client's transition table, SSL 3.0 to TLS 1.2 (RFC 5246 §7.3, RFC 6101 §5.5, RFC 4279,
 * RFC 4492/8422, RFC 5077, RFC 5746). Guards are read after the incoming message is absorbed:
 * the ServerHello fixes the key exchange and whether the session is resumed, a
 * CertificateRequest whether the client answers with a certificate.
 */
public final class ClientTable {

  private ClientTable() {}

  /** The client's second flight (RFC 5246 §7.3): [Certificate] ClientKeyExchange [CertificateVerify] CCS Finished. */
  private static final Emit[] KEY_EXCHANGE_FLIGHT = {
    sendIf(CERTIFICATE, CLIENT_SENDS_CERTIFICATE),
    sendIf(NO_CERTIFICATE_ALERT, SSL3_NO_CERTIFICATE),
    send(CLIENT_KEY_EXCHANGE),
    sendIf(CERTIFICATE_VERIFY, CERTIFICATE_REQUESTED, CLIENT_CERTIFICATE),
    send(CHANGE_CIPHER_SPEC),
    send(FINISHED)
  };

  public static final TransitionTable<ClientState> TABLE = build();

  private static TransitionTable<ClientState> build() {
    List<Transition<ClientState>> rows = new ArrayList<>(List.of(
        //  from                      on                         guards                                  to
        row(START,                    local(LocalEvent.START),   always(),                               WAIT_SERVER_HELLO, send(CLIENT_HELLO)),
        row(WAIT_SERVER_HELLO,        recv(SERVER_HELLO),        when(FULL, SERVER_CERTIFICATE),         WAIT_SERVER_CERTIFICATE),
        row(WAIT_SERVER_HELLO,        recv(SERVER_HELLO),        when(FULL, NO_SERVER_CERTIFICATE),      WAIT_SERVER_KEY_EXCHANGE),
        row(WAIT_SERVER_HELLO,        recv(SERVER_HELLO),        when(RESUMED, TICKET),                  WAIT_NEW_SESSION_TICKET),
        row(WAIT_SERVER_HELLO,        recv(SERVER_HELLO),        when(RESUMED, NO_TICKET),               WAIT_CHANGE_CIPHER_SPEC),
        row(WAIT_SERVER_HELLO,        recv(NO_RENEGOTIATION_ALERT), when(RENEGOTIATING),                 ESTABLISHED),
        row(WAIT_SERVER_CERTIFICATE,  recv(CERTIFICATE),         when(EPHEMERAL),                        WAIT_SERVER_KEY_EXCHANGE),
        row(WAIT_SERVER_CERTIFICATE,  recv(CERTIFICATE),         when(STATIC),                           WAIT_CERTIFICATE_REQUEST),
        row(WAIT_SERVER_KEY_EXCHANGE, recv(SERVER_KEY_EXCHANGE), when(SERVER_CERTIFICATE),               WAIT_CERTIFICATE_REQUEST),
        row(WAIT_SERVER_KEY_EXCHANGE, recv(SERVER_KEY_EXCHANGE), when(NO_SERVER_CERTIFICATE),            WAIT_SERVER_HELLO_DONE),
        row(WAIT_SERVER_KEY_EXCHANGE, recv(SERVER_HELLO_DONE),   when(PSK, TICKET),                      WAIT_NEW_SESSION_TICKET, KEY_EXCHANGE_FLIGHT),
        row(WAIT_SERVER_KEY_EXCHANGE, recv(SERVER_HELLO_DONE),   when(PSK, NO_TICKET),                   WAIT_CHANGE_CIPHER_SPEC, KEY_EXCHANGE_FLIGHT),
        row(WAIT_CERTIFICATE_REQUEST, recv(CERTIFICATE_REQUEST), always(),                               WAIT_SERVER_HELLO_DONE),
        row(WAIT_CERTIFICATE_REQUEST, recv(SERVER_HELLO_DONE),   when(TICKET),                           WAIT_NEW_SESSION_TICKET, KEY_EXCHANGE_FLIGHT),
        row(WAIT_CERTIFICATE_REQUEST, recv(SERVER_HELLO_DONE),   when(NO_TICKET),                        WAIT_CHANGE_CIPHER_SPEC, KEY_EXCHANGE_FLIGHT),
        row(WAIT_SERVER_HELLO_DONE,   recv(SERVER_HELLO_DONE),   when(TICKET),                           WAIT_NEW_SESSION_TICKET, KEY_EXCHANGE_FLIGHT),
        row(WAIT_SERVER_HELLO_DONE,   recv(SERVER_HELLO_DONE),   when(NO_TICKET),                        WAIT_CHANGE_CIPHER_SPEC, KEY_EXCHANGE_FLIGHT),
        row(WAIT_NEW_SESSION_TICKET,  recv(NEW_SESSION_TICKET),  always(),                               WAIT_CHANGE_CIPHER_SPEC),
        row(WAIT_CHANGE_CIPHER_SPEC,  recv(CHANGE_CIPHER_SPEC),  always(),                               WAIT_FINISHED),
        row(WAIT_FINISHED,            recv(FINISHED),            when(FULL),                             ESTABLISHED),
        row(WAIT_FINISHED,            recv(FINISHED),            when(RESUMED),                          ESTABLISHED, send(CHANGE_CIPHER_SPEC), send(FINISHED)),
        row(ESTABLISHED,              recv(APPLICATION_DATA),    always(),                               ESTABLISHED),
        row(ESTABLISHED,              local(LocalEvent.SEND_DATA), always(),                             ESTABLISHED, send(APPLICATION_DATA)),
        row(ESTABLISHED,              recv(HELLO_REQUEST),       when(RENEGOTIATION_ALLOWED),            WAIT_SERVER_HELLO, send(CLIENT_HELLO)),
        row(ESTABLISHED,              recv(HELLO_REQUEST),       when(RENEGOTIATION_REFUSED),            ESTABLISHED, send(NO_RENEGOTIATION_ALERT)),
        row(ESTABLISHED,              local(LocalEvent.RENEGOTIATE), always(),                           WAIT_SERVER_HELLO, send(CLIENT_HELLO)),
        row(ESTABLISHED,              local(LocalEvent.CLOSE),   always(),                               WAIT_CLOSE_NOTIFY, send(CLOSE_NOTIFY_ALERT)),
        row(ESTABLISHED,              recv(CLOSE_NOTIFY_ALERT),  always(),                               CLOSED, send(CLOSE_NOTIFY_ALERT)),
        // RFC 5246 §7.2.1: data the peer sent before it saw our close_notify is still delivered.
        row(WAIT_CLOSE_NOTIFY,        recv(APPLICATION_DATA),    always(),                               WAIT_CLOSE_NOTIFY),
        row(WAIT_CLOSE_NOTIFY,        recv(CLOSE_NOTIFY_ALERT),  always(),                               CLOSED)));
    for (ClientState s : List.of(WAIT_SERVER_HELLO, WAIT_SERVER_CERTIFICATE, WAIT_SERVER_KEY_EXCHANGE,
        WAIT_CERTIFICATE_REQUEST, WAIT_SERVER_HELLO_DONE, WAIT_NEW_SESSION_TICKET, WAIT_CHANGE_CIPHER_SPEC, WAIT_FINISHED)) {
      // RFC 5246 §7.4.1.1: a HelloRequest that arrives while negotiating is ignored.
      rows.add(row(s, recv(HELLO_REQUEST), always(), s));
      // During a renegotiation the established connection still carries application data.
      rows.add(row(s, recv(APPLICATION_DATA), when(RENEGOTIATING), s));
    }
    return new TransitionTable<>(Side.CLIENT, ClientState.class, START, FAILED, rows);
  }
}
