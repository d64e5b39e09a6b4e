package dev.hslab.model.explore;

import dev.hslab.model.handshake.Facts;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;

/**
 * One endpoint as the explorer sees it: its table state and {@link Facts}, plus what the record
 * layer and the invariants need to remember.
 *
 * @param state the table state
 * @param facts what the guards read
 * @param session the session of the current handshake (1 = resumed, 2 = first full, 3 = renegotiated)
 * @param done the (version, key exchange, session) of the last handshake this side completed, packed; 0 = none
 * @param writeProtected this side sent ChangeCipherSpec: its records are protected (RFC 5246 §7.1)
 * @param readProtected this side received ChangeCipherSpec: it expects protected records
 * @param peerCcs the peer's ChangeCipherSpec arrived in the current handshake
 * @param alertSent the fatal alert this side sent, or null
 * @param timedOut this side gave up waiting
 * @param dataSent application-data records sent (saturates at 3)
 * @param dataReceived application-data records accepted (saturates at 3)
 */
record Endpoint(
    HandshakeState state,
    Facts facts,
    int session,
    int done,
    boolean writeProtected,
    boolean readProtected,
    boolean peerCcs,
    AlertDescription alertSent,
    boolean timedOut,
    int dataSent,
    int dataReceived) {

  static Endpoint initial(HandshakeState state, boolean renegotiationAllowed) {
    return new Endpoint(state, Facts.initial(renegotiationAllowed), 0, 0, false, false, false, null, false, 0, 0);
  }

  boolean terminal() {
    return timedOut || state.terminal();
  }

  boolean established() {
    return !timedOut && state.phase() == HandshakeState.Phase.ESTABLISHED;
  }

  Endpoint with(HandshakeState s, Facts f) {
    return new Endpoint(s, f, session, done, writeProtected, readProtected, peerCcs, alertSent, timedOut, dataSent, dataReceived);
  }

  Endpoint withFacts(Facts f) {
    return with(state, f);
  }

  Endpoint withSession(int s, int d, boolean ccs) {
    return new Endpoint(state, facts, s, d, writeProtected, readProtected, ccs, alertSent, timedOut, dataSent, dataReceived);
  }

  Endpoint withProtection(boolean write, boolean read, boolean ccs) {
    return new Endpoint(state, facts, session, done, write, read, ccs, alertSent, timedOut, dataSent, dataReceived);
  }

  Endpoint failed(HandshakeState failedState, AlertDescription sent) {
    return new Endpoint(failedState, facts, session, done, writeProtected, readProtected, peerCcs, sent, timedOut, dataSent, dataReceived);
  }

  Endpoint timedOutNow() {
    return new Endpoint(state, facts, session, done, writeProtected, readProtected, peerCcs, alertSent, true, dataSent, dataReceived);
  }

  Endpoint withData(int sent, int received) {
    return new Endpoint(state, facts, session, done, writeProtected, readProtected, peerCcs, alertSent, timedOut,
        Math.min(sent, 3), Math.min(received, 3));
  }

  /** What this side negotiated in its current handshake, packed like {@link #done}. */
  int current() {
    return facts.version() == null ? 0
        : 1 + Msg.versionIndex(facts.version()) | facts.keyExchange().ordinal() << 3 | session << 6;
  }

  static String describeDone(int done) {
    if (done == 0) {
      return "nothing";
    }
    return ProtocolVersion.SUPPORTED.get((done & 7) - 1).cliName() + " " + KeyExchange.values()[(done >>> 3) & 7].cliName()
        + " session " + (done >>> 6);
  }

  /** A canonical 64-bit encoding (42 bits used): equal endpoints, equal longs. */
  long pack() {
    long bits = ((Enum<?>) state).ordinal();                       // 4 bits
    bits |= (long) (facts.version() == null ? 0 : 1 + Msg.versionIndex(facts.version())) << 4;
    bits |= (long) (facts.keyExchange() == null ? 0 : 1 + facts.keyExchange().ordinal()) << 7;
    bits |= flag(facts.resumed(), 11) | flag(facts.ticket(), 12) | flag(facts.pskHint(), 13)
        | flag(facts.certificateRequested(), 14) | flag(facts.clientCertificate(), 15)
        | flag(facts.renegotiationAllowed(), 16) | flag(facts.renegotiating(), 17);
    bits |= (long) session << 18;                                  // 2 bits
    bits |= (long) done << 20;                                     // 8 bits
    bits |= flag(writeProtected, 28) | flag(readProtected, 29) | flag(peerCcs, 30) | flag(timedOut, 31);
    bits |= (long) (alertSent == null ? 0 : 1 + alertSent.ordinal()) << 32; // 5 bits
    bits |= (long) dataSent << 37 | (long) dataReceived << 39;
    return bits;
  }

  private static long flag(boolean b, int bit) {
    return b ? 1L << bit : 0L;
  }
}
