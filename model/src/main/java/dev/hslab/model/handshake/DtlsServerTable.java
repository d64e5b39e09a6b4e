package dev.hslab.model.handshake;

import static dev.hslab.model.handshake.Guard.*;
import static dev.hslab.model.handshake.MessageKind.*;
import static dev.hslab.model.handshake.ServerState.*;
import static dev.hslab.model.handshake.TransitionTable.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The DTLS server's transition table (RFC 6347 §4.2, RFC 4347 §4.2): the TLS 1.2 server table
 * ({@link ServerTable}, read here, not copied) with the stateless cookie exchange of §4.2.1. A
 * ClientHello for a full handshake is answered with a HelloVerifyRequest, and the ClientHello that
 * repeats it with the cookie, in WAIT_CLIENT_HELLO_WITH_COOKIE, is answered as TLS answers a
 * ClientHello. A ClientHello that resumes a session is answered at once: §4.2.1 lets the server
 * skip the cookie exchange then, which gives the three flights of the abbreviated handshake of
 * §4.2.4. SSL 3.0's rows are left out. Each row that sends is one flight (§4.2.4).
 */
public final class DtlsServerTable {

  private DtlsServerTable() {}

  public static final TransitionTable<ServerState> TABLE = build();

  private static TransitionTable<ServerState> build() {
    List<Transition<ServerState>> rows = new ArrayList<>();
    boolean cookieRowAdded = false;
    for (Transition<ServerState> t : DtlsRows.withoutSsl3(ServerTable.TABLE.rows())) {
      boolean firstHello = t.from() == WAIT_CLIENT_HELLO && t.trigger().equals(recv(CLIENT_HELLO));
      if (firstHello && t.guards().contains(FULL)) {
        if (!cookieRowAdded) {
          rows.add(row(WAIT_CLIENT_HELLO, recv(CLIENT_HELLO), when(FULL), WAIT_CLIENT_HELLO_WITH_COOKIE,
              send(HELLO_VERIFY_REQUEST)));
          cookieRowAdded = true;
        }
        rows.add(new Transition<>(WAIT_CLIENT_HELLO_WITH_COOKIE, t.trigger(), t.guards(), t.to(), t.emits()));
        continue;
      }
      rows.add(t);
    }
    return new TransitionTable<>(Side.SERVER, ServerState.class, WAIT_CLIENT_HELLO, FAILED, rows);
  }
}
