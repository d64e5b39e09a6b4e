package dev.hslab.model.handshake;

import static dev.hslab.model.handshake.ClientState.*;
import static dev.hslab.model.handshake.MessageKind.*;
import static dev.hslab.model.handshake.TransitionTable.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The DTLS client's transition table (RFC 6347 §4.2, RFC 4347 §4.2): the TLS 1.2 client table
 * ({@link ClientTable}, read here, not copied) with the cookie exchange of §4.2.1 in front. The
 * first ClientHello leads to WAIT_HELLO_VERIFY_REQUEST; a HelloVerifyRequest there is answered with
 * the second ClientHello (carrying the cookie) and leads to WAIT_SERVER_HELLO; a ServerHello there
 * (a server that skips the cookie exchange, as §4.2.1 allows when resuming) moves on as in
 * WAIT_SERVER_HELLO. SSL 3.0's rows and messages (the no_certificate warning) are left out: DTLS
 * starts at TLS 1.1. Each row that sends is one flight (§4.2.4); retransmission is not a row: the
 * flight machine resends the flight a row sent.
 */
public final class DtlsClientTable {

  private DtlsClientTable() {}

  public static final TransitionTable<ClientState> TABLE = build();

  private static TransitionTable<ClientState> build() {
    List<Transition<ClientState>> rows = new ArrayList<>();
    for (Transition<ClientState> t : DtlsRows.withoutSsl3(ClientTable.TABLE.rows())) {
      if (t.from() == START) {
        rows.add(row(START, t.trigger(), t.guards(), WAIT_HELLO_VERIFY_REQUEST, t.emits().toArray(Emit[]::new)));
        rows.add(row(WAIT_HELLO_VERIFY_REQUEST, recv(HELLO_VERIFY_REQUEST), always(), WAIT_SERVER_HELLO, send(CLIENT_HELLO)));
        continue;
      }
      if (t.from() == WAIT_SERVER_HELLO && t.trigger().equals(recv(SERVER_HELLO))) {
        rows.add(new Transition<>(WAIT_HELLO_VERIFY_REQUEST, t.trigger(), t.guards(), t.to(), t.emits()));
      }
      rows.add(t);
    }
    return new TransitionTable<>(Side.CLIENT, ClientState.class, START, FAILED, rows);
  }
}
