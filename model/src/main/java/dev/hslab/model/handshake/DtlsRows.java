package dev.hslab.model.handshake;

import java.util.ArrayList;
import java.util.List;

/** What the DTLS tables take from the TLS ones: every row and message but SSL 3.0's. */
final class DtlsRows {

  private DtlsRows() {}

  /**
   * {@code rows} without the rows guarded by SSL 3.0 and without the messages sent only under
   * SSL 3.0 (the no_certificate warning, RFC 6101 §5.4.2): DTLS 1.0 is TLS 1.1 (RFC 4347 §1).
   */
  static <S extends Enum<S> & HandshakeState> List<Transition<S>> withoutSsl3(List<Transition<S>> rows) {
    List<Transition<S>> out = new ArrayList<>();
    for (Transition<S> t : rows) {
      if (t.guards().contains(Guard.SSL3)) {
        continue;
      }
      List<Emit> emits = t.emits().stream().filter(e -> !e.guards().contains(Guard.SSL3_NO_CERTIFICATE)).toList();
      out.add(new Transition<>(t.from(), t.trigger(), t.guards(), t.to(), emits));
    }
    return out;
  }
}
