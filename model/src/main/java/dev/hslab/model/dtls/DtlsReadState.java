package dev.hslab.model.dtls;

import dev.hslab.model.dtls.RecordDecision.Accepted;
import dev.hslab.model.dtls.RecordDecision.Discarded;
import dev.hslab.model.dtls.RecordDecision.Reason;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.record.protect.RecordCipher;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.List;

/**
 * The receiving side of a DTLS record layer: per epoch a {@link RecordCipher} and a {@link
 * ReplayWindow}. {@link #open} checks version, epoch, replay and protection, in that order, and
 * decides: accepted, or discarded with a reason (RFC 6347 §4.1.2.7); it never throws on what a
 * peer or an attacker sent.
 *
 * <p>The current epoch and the one before it are open: after a ChangeCipherSpec the peer may still
 * retransmit the previous flight, whose first messages are in the old epoch (RFC 6347 §4.2.4), and
 * the handshake layer must see them to answer with its own last flight. Older epochs are {@link
 * Reason#OLD_EPOCH}; a later epoch is {@link Reason#FUTURE_EPOCH}, which the caller may buffer until
 * its ChangeCipherSpec arrives (RFC 6347 §4.1).
 */
public final class DtlsReadState {

  private final List<RecordCipher> ciphers = new ArrayList<>();
  private final List<ReplayWindow> windows = new ArrayList<>();
  private ProtocolVersion expected;

  /** Epoch 0, accepting any DTLS record version until {@link #expectVersion} fixes one. */
  public DtlsReadState() {
    ciphers.add(RecordCipher.none());
    windows.add(new ReplayWindow());
  }

  /** Once the version is negotiated, records of any other version are discarded. */
  public void expectVersion(ProtocolVersion version) {
    if (!version.isDtls()) {
      throw new IllegalArgumentException(version + " is not a DTLS version");
    }
    this.expected = version;
  }

  /** The current epoch. */
  public int epoch() {
    return ciphers.size() - 1;
  }

  /** After receiving ChangeCipherSpec: the next epoch, opened by {@code reader}, with a fresh window. */
  public void nextEpoch(RecordCipher reader) {
    if (epoch() == DtlsRecord.MAX_EPOCH) {
      throw new IllegalStateException("epochs exhausted");
    }
    ciphers.add(reader);
    windows.add(new ReplayWindow());
    if (ciphers.size() > 2) {
      // Keys of epoch n-2 are gone: nothing of that epoch can be retransmitted any more.
      ciphers.set(ciphers.size() - 3, null);
      windows.set(windows.size() - 3, null);
    }
  }

  /** Opens one framed record (from {@link DtlsDatagram#decode}). */
  public RecordDecision open(DtlsRecord record) {
    ProtocolVersion v = record.version();
    if (!v.isDtls() || (expected != null && !v.equals(expected))) {
      return new Discarded(Reason.BAD_VERSION, "version " + v + " " + record.describe());
    }
    int e = record.epoch();
    if (e > epoch()) {
      return new Discarded(Reason.FUTURE_EPOCH, record.describe() + ", current epoch " + epoch());
    }
    RecordCipher cipher = ciphers.get(e);
    if (cipher == null) {
      return new Discarded(Reason.OLD_EPOCH, record.describe() + ", current epoch " + epoch());
    }
    ReplayWindow window = windows.get(e);
    if (window.isReplay(record.sequenceNumber())) {
      return new Discarded(Reason.REPLAYED, record.describe() + ", highest " + window.highest());
    }
    TlsRecord plain;
    try {
      plain = cipher.unprotect(record.asTlsRecord(), record.macSequenceNumber());
    } catch (TlsAlertException ex) {
      Reason reason = ex.alert() == AlertDescription.RECORD_OVERFLOW ? Reason.RECORD_OVERFLOW : Reason.BAD_RECORD_MAC;
      return new Discarded(reason, record.describe() + ": " + ex.getMessage());
    }
    // RFC 6347 §4.1.2.6: the window moves only once the MAC has verified.
    window.accept(record.sequenceNumber());
    return new Accepted(record.withFragment(plain.fragment()));
  }

  /** {@link #open} for a decision from {@link DtlsDatagram#decode}: discards pass through. */
  public RecordDecision open(RecordDecision framed) {
    return framed instanceof Accepted a ? open(a.record()) : framed;
  }
}
