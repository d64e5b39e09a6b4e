package dev.hslab.actors;

import dev.hslab.model.dtls.DtlsDatagram;
import dev.hslab.model.dtls.DtlsRecord;
import dev.hslab.model.dtls.RecordDecision;
import dev.hslab.model.dtls.handshake.HandshakeFragment;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a DTLS datagram carries, as the simulated UDP network sees it to aim a fault: read with the
 * model's DTLS codecs, never with an engine's help, so any datagram engine can be targeted.
 */
final class Datagrams {

  private Datagrams() {}

  /**
   * The type names of the messages {@code datagram} carries in the clear, in order: each epoch-0
   * handshake message whose first fragment (offset 0) it holds, so a message cut across datagrams
   * counts once (RFC 6347 §4.2.3), and each ChangeCipherSpec and plaintext alert. Records of a later
   * epoch are encrypted (the Finished, §4.1) and name nothing; bytes that are no DTLS name nothing.
   */
  static List<String> messageTypes(Bytes datagram) {
    List<String> out = new ArrayList<>();
    for (RecordDecision d : DtlsDatagram.decode(datagram)) {
      if (!(d instanceof RecordDecision.Accepted a) || a.record().epoch() != 0) {
        continue;
      }
      DtlsRecord r = a.record();
      if (r.type() == ContentType.CHANGE_CIPHER_SPEC) {
        out.add("change_cipher_spec");
      } else if (r.type() == ContentType.ALERT) {
        out.add("alert");
      } else if (r.type() == ContentType.HANDSHAKE) {
        try {
          for (HandshakeFragment f : HandshakeFragment.decodeAll(r.fragment())) {
            if (f.fragmentOffset() == 0) {
              out.add(HandshakeFragment.typeName(f.msgType()));
            }
          }
        } catch (TlsAlertException e) {
          // Not a handshake fragment our codec reads: it names nothing to aim at.
        }
      }
    }
    return out;
  }
}
