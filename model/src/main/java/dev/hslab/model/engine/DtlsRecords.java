package dev.hslab.model.engine;

import dev.hslab.model.dtls.DtlsDatagram;
import dev.hslab.model.dtls.DtlsReadState;
import dev.hslab.model.dtls.DtlsWriteState;
import dev.hslab.model.dtls.Pmtu;
import dev.hslab.model.dtls.handshake.FlightMachine;
import dev.hslab.model.dtls.handshake.FragmentReassembler;
import dev.hslab.model.dtls.handshake.Fragmenter;
import dev.hslab.model.dtls.handshake.HandshakeFragment;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The DTLS side of one endpoint's record layer (RFC 6347 §4.1, §4.2): the per-epoch write and
 * read states, the handshake's message_seq counters and fragment reassembly, and the flight this
 * side last sent, kept as plaintext per epoch so a retransmission protects it again with fresh
 * sequence numbers (§4.2.4). Mutable, owned by one {@link RecordLayer}.
 */
final class DtlsRecords {

  /**
   * The most any suite adds to a record: a 16-byte explicit IV, a 48-byte HMAC-SHA384 and 16 bytes
   * of CBC padding. Fragments are cut to fit a datagram under it whatever the epoch's cipher.
   */
  static final int MAX_PROTECTION_OVERHEAD = 16 + 48 + 16;

  /** One record of a flight as first sent: its epoch, type and plaintext. */
  record Plain(int epoch, ContentType type, Bytes fragment) {}

  /**
   * A flight as the {@link FlightMachine} holds it: its records, to protect again when it is resent,
   * and its messages as first reported, to report again (marked) when it is.
   */
  record Flight(List<Plain> records, List<MessageInfo> messages) {

    Flight {
      records = List.copyOf(records);
      messages = List.copyOf(messages);
    }
  }

  final DtlsWriteState write;
  final DtlsReadState read = new DtlsReadState();
  final Pmtu pmtu;
  FragmentReassembler reassembler = new FragmentReassembler(0, RecordLayer.MAX_HANDSHAKE_MESSAGE);
  /** The message_seq of the next handshake message this side sends (§4.2.2). */
  int sendSeq;
  /** The records of the flight being sent, or last sent. */
  List<Plain> flight = new ArrayList<>();
  /** The messages of {@link #flight} as first reported, each reported again when the flight is resent. */
  List<MessageInfo> flightMessages = new ArrayList<>();
  FlightMachine<Flight> machine;

  DtlsRecords(ProtocolVersion initial, Pmtu pmtu, FlightMachine<Flight> machine) {
    this.write = new DtlsWriteState(initial);
    this.pmtu = pmtu;
    this.machine = machine;
  }

  /**
   * Protects {@code payloads} of one type as records of the current epoch and keeps them in the
   * flight. Handshake payloads are whole DTLS messages (12-byte header): each is cut into fragments
   * that fit a datagram, one per record (§4.2.3); other payloads are cut to the record budget.
   */
  List<Bytes> write(ContentType type, List<Bytes> payloads) {
    int budget = pmtu.recordPayload(MAX_PROTECTION_OVERHEAD);
    List<Bytes> out = new ArrayList<>();
    for (Bytes p : payloads) {
      List<Bytes> pieces = new ArrayList<>();
      if (type == ContentType.HANDSHAKE) {
        HandshakeFragment whole = wholeMessage(p);
        for (HandshakeFragment f : Fragmenter.fragment(whole.msgType(), whole.messageSeq(), whole.fragment(),
            Fragmenter.maxFragmentLength(pmtu, MAX_PROTECTION_OVERHEAD))) {
          pieces.add(f.encode());
        }
      } else if (p.isEmpty()) {
        pieces.add(p);
      } else {
        for (int from = 0; from < p.length(); from += budget) {
          pieces.add(p.slice(from, Math.min(p.length(), from + budget)));
        }
      }
      for (Bytes piece : pieces) {
        Plain plain = new Plain(write.epoch(), type, piece);
        if (type == ContentType.HANDSHAKE || type == ContentType.CHANGE_CIPHER_SPEC) {
          flight.add(plain);
        }
        out.add(write.protect(plain.epoch(), type, piece).encode());
      }
    }
    return out;
  }

  /** The flight again, each record in its first epoch with a new sequence number (§4.2.4), as datagrams. */
  List<Bytes> retransmit(Flight f) {
    List<Bytes> out = new ArrayList<>();
    for (Plain p : f.records()) {
      out.add(write.protect(p.epoch(), p.type(), p.fragment()).encode());
    }
    return DtlsDatagram.packEncoded(out, pmtu);
  }

  /** The flight being sent, as the {@link #machine} takes it. */
  Flight sentFlight() {
    return new Flight(flight, flightMessages);
  }

  /** Starts a new flight: the records written from now on. */
  void newFlight() {
    flight = new ArrayList<>();
    flightMessages = new ArrayList<>();
  }

  /** One of our own whole messages, as the engine framed it. */
  private static HandshakeFragment wholeMessage(Bytes message) {
    try {
      List<HandshakeFragment> fs = HandshakeFragment.decodeAll(message);
      if (fs.size() != 1 || !fs.get(0).isWhole()) {
        throw new IllegalStateException("not one whole DTLS handshake message: " + message);
      }
      return fs.get(0);
    } catch (dev.hslab.model.wire.TlsAlertException e) {
      throw new IllegalStateException("our own DTLS handshake message does not decode", e);
    }
  }
}
