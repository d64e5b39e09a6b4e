package dev.hslab.model.engine;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.SessionKeys;
import dev.hslab.model.crypto.TrafficKeys;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.HandshakeFragmenter;
import dev.hslab.model.message.HandshakeReassembler;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.RecordReader;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.record.protect.RecordCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.List;

/**
 * One endpoint's record layer (RFC 5246 §6): the current and pending read and write states,
 * the incoming stream parser and handshake reassembly, and the framing of outgoing messages.
 * Mutable, like the record ciphers it holds; owned by one engine.
 */
final class RecordLayer {

  /** A bound on one handshake message we accept (a certificate chain of a few KB fits easily). */
  static final int MAX_HANDSHAKE_MESSAGE = 1 << 17;

  private final Side side;
  private final HandshakeFragmenter fragmenter;
  private final RandomSource random;
  private final RecordReader reader = new RecordReader();
  private final HandshakeReassembler reassembler = new HandshakeReassembler(MAX_HANDSHAKE_MESSAGE);
  private RecordCipher readCipher = RecordCipher.none();
  private RecordCipher writeCipher = RecordCipher.none();
  private RecordCipher pendingRead;
  private RecordCipher pendingWrite;
  private boolean readProtected;
  private boolean writeProtected;
  private ProtocolVersion version;
  private OutgoingTap tap = OutgoingTap.NONE;
  private int written;
  /** The DTLS record layer (RFC 6347 §4.1) of a DTLS endpoint; null for TLS. */
  private final DtlsRecords dtls;

  RecordLayer(Side side, ProtocolVersion initialVersion, HandshakeFragmenter.Mode mode, RandomSource random) {
    this(side, initialVersion, mode, random, null);
  }

  RecordLayer(Side side, ProtocolVersion initialVersion, HandshakeFragmenter.Mode mode, RandomSource random,
      DtlsRecords dtls) {
    this.side = side;
    this.version = initialVersion;
    this.fragmenter = new HandshakeFragmenter(mode);
    this.random = random;
    this.dtls = dtls;
  }

  /** The DTLS record layer, or null for a TLS endpoint. */
  DtlsRecords dtls() {
    return dtls;
  }

  /** The version stamped on outgoing records: the negotiated one once the hellos fixed it. */
  void setVersion(ProtocolVersion v) {
    this.version = v;
    if (dtls != null) {
      dtls.write.setVersion(v);
    }
  }

  ProtocolVersion version() {
    return version;
  }

  boolean readProtected() {
    return readProtected;
  }

  boolean writeProtected() {
    return writeProtected;
  }

  /** Installs the keys a ChangeCipherSpec will switch to (RFC 5246 §6.1 pending states). */
  void setPending(CipherSuite suite, ProtocolVersion v, SessionKeys keys) {
    TrafficKeys mine = side == Side.CLIENT ? keys.client() : keys.server();
    TrafficKeys theirs = side == Side.CLIENT ? keys.server() : keys.client();
    pendingWrite = RecordCipher.forWriting(suite, v, mine, random);
    pendingRead = RecordCipher.forReading(suite, v, theirs);
  }

  boolean hasPendingRead() {
    return pendingRead != null;
  }

  boolean hasPendingWrite() {
    return pendingWrite != null;
  }

  /** Our ChangeCipherSpec went out: later records use the pending write state. */
  void activateWrite() {
    if (dtls != null) {
      dtls.write.nextEpoch(pendingWrite); // RFC 6347 §4.1: a ChangeCipherSpec starts the next epoch
    }
    writeCipher = pendingWrite;
    pendingWrite = null;
    writeProtected = true;
  }

  /** The peer's ChangeCipherSpec arrived: later records use the pending read state. */
  void activateRead() throws TlsAlertException {
    if (pendingRead == null) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "change_cipher_spec before the keys are known");
    }
    if (dtls != null) {
      dtls.read.nextEpoch(pendingRead);
    }
    readCipher = pendingRead;
    pendingRead = null;
    readProtected = true;
    reader.setMaxFragmentLength(TlsRecord.MAX_CIPHERTEXT);
  }

  /** Deviation tests only: extra records before some of ours (see {@link OutgoingTap}). */
  void tap(OutgoingTap t) {
    this.tap = t;
  }

  /** Frames and protects a payload of one content type; handshake messages per the record mode. */
  List<Bytes> write(ContentType type, List<Bytes> payloads) {
    if (dtls != null) {
      return dtls.write(type, payloads);
    }
    List<Bytes> out = new ArrayList<>();
    List<Bytes> fragments = type == ContentType.HANDSHAKE ? fragmenter.pack(payloads) : split(payloads);
    for (Bytes f : fragments) {
      for (OutgoingTap.Extra x : tap.before(++written)) {
        out.add(writeCipher.protect(new TlsRecord(x.type(), version, x.payload())).encode());
      }
      out.add(writeCipher.protect(new TlsRecord(type, version, f)).encode());
    }
    return out;
  }

  private static List<Bytes> split(List<Bytes> payloads) {
    List<Bytes> out = new ArrayList<>();
    for (Bytes p : payloads) {
      if (p.isEmpty()) {
        out.add(p); // RFC 5246 §6.2.1: zero-length application data is allowed
      }
      for (int from = 0; from < p.length(); from += TlsRecord.MAX_PLAINTEXT) {
        out.add(p.slice(from, Math.min(p.length(), from + TlsRecord.MAX_PLAINTEXT)));
      }
    }
    return out;
  }

  /**
   * Parses {@code data} and opens each complete record. Stops after a ChangeCipherSpec, since
   * the bytes after it need the new read state: {@code handler} switches it, then parsing goes
   * on.
   */
  void read(Bytes data, RecordHandler handler) throws TlsAlertException {
    byte[] b = data.toByteArray();
    int off = 0;
    while (true) {
      var rec = reader.take();
      if (rec.isPresent()) {
        TlsRecord plain = readCipher.unprotect(rec.get());
        handler.onRecord(plain, readProtected);
        if (handler.stop()) {
          return;
        }
        continue;
      }
      if (off >= b.length) {
        return;
      }
      off += reader.feed(b, off, b.length - off);
    }
  }

  HandshakeReassembler reassembler() {
    return reassembler;
  }

  /** Receives each opened record. */
  interface RecordHandler {
    void onRecord(TlsRecord plaintext, boolean wasProtected) throws TlsAlertException;

    /** The engine reached a terminal state: parse nothing more. */
    boolean stop();
  }
}
