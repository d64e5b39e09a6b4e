package dev.hslab.model.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.Sender;
import dev.hslab.model.crypto.SessionKeys;
import dev.hslab.model.crypto.TrafficKeys;
import dev.hslab.model.dtls.RecordDecision.Accepted;
import dev.hslab.model.dtls.RecordDecision.Discarded;
import dev.hslab.model.dtls.RecordDecision.Reason;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.protect.RecordCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * DTLS record protection: the TLS record ciphers with epoch || sequence_number as the 64-bit
 * sequence number (RFC 6347 §4.1.2.1), checked by opening our records with the JDK's own AES-GCM,
 * ChaCha20-Poly1305, AES-CBC and HMAC following the RFC layouts written out here; and the read
 * state's decisions (replay window, epochs, bad MACs discarded silently, §4.1.2.6-§4.1.2.7).
 */
class DtlsRecordProtectionTest {

  private static final Bytes TEXT = Bytes.fromHex("474554202f20485454502f312e310d0a0d0a");

  private static SessionKeys keys(ProtocolVersion v, CipherSuite s) {
    KeyDerivation d = KeyDerivation.of(v, s);
    Bytes ms = Bytes.wrap(DtlsVersionsAndSuitesTest.filled(48, 11));
    return d.sessionKeys(ms, Bytes.wrap(DtlsVersionsAndSuitesTest.filled(32, 1)), Bytes.wrap(DtlsVersionsAndSuitesTest.filled(32, 2)));
  }

  private static DtlsWriteState writerInEpoch1(ProtocolVersion v, CipherSuite s, TrafficKeys k) {
    DtlsWriteState w = new DtlsWriteState(v);
    w.protect(ContentType.HANDSHAKE, Bytes.fromHex("00")); // epoch 0 goes on counting on its own
    w.nextEpoch(RecordCipher.forWriting(s, v, k, RandomSource.seeded(9)));
    return w;
  }

  @Test
  void aesGcmNonceAndAdditionalDataUseEpochAndSequenceNumber() throws Exception {
    ProtocolVersion v = ProtocolVersion.DTLS12;
    CipherSuite s = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    TrafficKeys k = keys(v, s).writeKeys(Sender.CLIENT);
    DtlsWriteState w = writerInEpoch1(v, s, k);
    for (int i = 0; i < 3; i++) {
      DtlsRecord r = w.protect(ContentType.APPLICATION_DATA, TEXT);
      assertThat(r.epoch()).isEqualTo(1);
      assertThat(r.sequenceNumber()).isEqualTo(i);
      byte[] frag = r.fragment().toByteArray();
      // RFC 5288 §3 with RFC 6347 §4.1.2.1: the explicit nonce is the 64-bit epoch || seq.
      assertThat(Arrays.copyOf(frag, 8)).isEqualTo(ByteBuffer.allocate(8).putShort((short) 1).putShort((short) 0).putInt(i).array());
      byte[] nonce = concat(k.iv().toByteArray(), Arrays.copyOf(frag, 8));
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k.key().toByteArray(), "AES"), new GCMParameterSpec(128, nonce));
      gcm.updateAAD(aad(1, i, v, TEXT.length()));
      assertThat(Bytes.wrap(gcm.doFinal(frag, 8, frag.length - 8))).isEqualTo(TEXT);
    }
  }

  @Test
  void chacha20NonceXorsEpochAndSequenceNumber() throws Exception {
    ProtocolVersion v = ProtocolVersion.DTLS12;
    CipherSuite s = CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;
    TrafficKeys k = keys(v, s).writeKeys(Sender.SERVER);
    DtlsWriteState w = writerInEpoch1(v, s, k);
    for (int i = 0; i < 2; i++) {
      byte[] frag = w.protect(ContentType.APPLICATION_DATA, TEXT).fragment().toByteArray();
      byte[] nonce = k.iv().toByteArray();
      byte[] padded = ByteBuffer.allocate(12).putInt(0).putShort((short) 1).putShort((short) 0).putInt(i).array();
      for (int j = 0; j < 12; j++) {
        nonce[j] ^= padded[j]; // RFC 7905 §2: for DTLS, the 64-bit epoch || seq
      }
      Cipher chacha = Cipher.getInstance("ChaCha20-Poly1305");
      chacha.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k.key().toByteArray(), "ChaCha20"), new IvParameterSpec(nonce));
      chacha.updateAAD(aad(1, i, v, TEXT.length()));
      assertThat(Bytes.wrap(chacha.doFinal(frag))).isEqualTo(TEXT);
    }
  }

  @Test
  void cbcMacCoversEpochSequenceNumberAndTheDtlsVersionInDtls10And12() throws Exception {
    checkCbc(ProtocolVersion.DTLS12, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, "HmacSHA384");
    checkCbc(ProtocolVersion.DTLS10, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, "HmacSHA1");
  }

  private static void checkCbc(ProtocolVersion v, CipherSuite s, String hmac) throws Exception {
    TrafficKeys k = keys(v, s).writeKeys(Sender.CLIENT);
    // DTLS 1.0 is TLS 1.1's record layer (RFC 4347 §4.1.2.1): no IV from the key block.
    assertThat(k.iv().length()).isZero();
    DtlsWriteState w = writerInEpoch1(v, s, k);
    for (int i = 0; i < 2; i++) {
      byte[] frag = w.protect(ContentType.APPLICATION_DATA, TEXT).fragment().toByteArray();
      Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
      cbc.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k.key().toByteArray(), "AES"), new IvParameterSpec(frag, 0, 16));
      byte[] plain = cbc.doFinal(frag, 16, frag.length - 16);
      int pad = plain[plain.length - 1] & 0xff;
      int macLength = s.mac().length();
      int content = plain.length - pad - 1 - macLength;
      assertThat(Bytes.of(plain, 0, content)).isEqualTo(TEXT);
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(k.macKey().toByteArray(), hmac));
      mac.update(aad(1, i, v, content)); // RFC 6347 §4.1.2.1: seq_num = epoch || sequence_number
      mac.update(plain, 0, content);
      assertThat(Bytes.of(plain, content, macLength)).isEqualTo(Bytes.wrap(mac.doFinal()));
    }
  }

  @Test
  void readStateOpensReorderedRecordsOnceAndDiscardsReplaysForgeriesAndStrangeEpochs() {
    ProtocolVersion v = ProtocolVersion.DTLS12;
    CipherSuite s = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    SessionKeys keys = keys(v, s);
    DtlsWriteState w = writerInEpoch1(v, s, keys.writeKeys(Sender.CLIENT));
    DtlsReadState r = new DtlsReadState();
    r.expectVersion(v);
    DtlsRecord plain0 = new DtlsWriteState(v).protect(ContentType.HANDSHAKE, TEXT);
    assertThat(r.open(plain0)).isEqualTo(new Accepted(plain0));
    DtlsRecord a = w.protect(ContentType.APPLICATION_DATA, TEXT);
    DtlsRecord b = w.protect(ContentType.APPLICATION_DATA, TEXT);
    assertThat(reason(r.open(a))).isEqualTo(Reason.FUTURE_EPOCH); // before the ChangeCipherSpec
    r.nextEpoch(RecordCipher.forReading(s, v, keys.readKeys(Sender.SERVER)));

    assertThat(((Accepted) r.open(b)).record()).isEqualTo(b.withFragment(TEXT)); // reordered: b first
    assertThat(((Accepted) r.open(a)).record().fragment()).isEqualTo(TEXT);
    assertThat(reason(r.open(a))).isEqualTo(Reason.REPLAYED);
    assertThat(reason(r.open(plain0))).isEqualTo(Reason.REPLAYED); // epoch 0 keeps its window

    DtlsRecord c = w.protect(ContentType.APPLICATION_DATA, TEXT);
    byte[] forged = c.fragment().toByteArray();
    forged[forged.length - 1] ^= 1;
    assertThat(reason(r.open(c.withFragment(Bytes.wrap(forged))))).isEqualTo(Reason.BAD_RECORD_MAC);
    // The forgery did not move the window: the genuine record still opens.
    assertThat(r.open(c)).isInstanceOf(Accepted.class);
    // A record whose epoch or sequence number was changed fails the MAC: both are authenticated.
    DtlsRecord d = w.protect(ContentType.APPLICATION_DATA, TEXT);
    assertThat(reason(r.open(new DtlsRecord(d.type(), v, 1, d.sequenceNumber() + 1, d.fragment())))).isEqualTo(Reason.BAD_RECORD_MAC);
    assertThat(reason(r.open(new DtlsRecord(d.type(), ProtocolVersion.DTLS10, 1, d.sequenceNumber(), d.fragment()))))
        .isEqualTo(Reason.BAD_VERSION);

    r.nextEpoch(RecordCipher.forReading(s, v, keys.readKeys(Sender.SERVER)));
    assertThat(reason(r.open(plain0.withFragment(TEXT)))).isEqualTo(Reason.OLD_EPOCH); // epoch 0 of 2: keys gone
    assertThat(r.open(d)).isInstanceOf(Accepted.class); // epoch 1 still open, for retransmitted flights
  }

  @Test
  void writeStateCountsEachEpochOnItsOwnAndRetransmitsInAnEarlierEpoch() {
    DtlsWriteState w = new DtlsWriteState(ProtocolVersion.DTLS12);
    w.protect(ContentType.HANDSHAKE, TEXT);
    w.protect(ContentType.HANDSHAKE, TEXT);
    CipherSuite s = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    w.nextEpoch(RecordCipher.forWriting(s, ProtocolVersion.DTLS12, keys(ProtocolVersion.DTLS12, s).client(), null));
    DtlsRecord first = w.protect(ContentType.HANDSHAKE, TEXT);
    DtlsRecord again = w.protect(0, ContentType.HANDSHAKE, TEXT);
    assertThat(first.epoch()).isEqualTo(1);
    assertThat(first.sequenceNumber()).isZero();
    assertThat(again.epoch()).isZero();
    assertThat(again.sequenceNumber()).isEqualTo(2); // RFC 6347 §4.2.4: a retransmission gets a new number
    assertThat(again.fragment()).isEqualTo(TEXT);
  }

  private static Reason reason(RecordDecision d) {
    return ((Discarded) d).reason();
  }

  /** seq_num(8) = epoch(2) || sequence_number(6), type(1) = 23, version(2), length(2). */
  private static byte[] aad(int epoch, long seq, ProtocolVersion v, int length) {
    return ByteBuffer.allocate(13).putLong(((long) epoch << 48) | seq).put((byte) 23).put((byte) v.major())
        .put((byte) v.minor()).putShort((short) length).array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
