package dev.hslab.model.record.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.TrafficKeys;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.record.protect.Suites.Case;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Record protection: round trips, sequence numbers, tampering, limits. */
class RecordCipherTest {

  private static final int[] LENGTHS = {0, 1, 15, 16, 17, 100, TlsRecord.MAX_PLAINTEXT};

  @Test
  void roundTripsEverySuiteOverEveryVersionItSupports() throws TlsAlertException {
    List<Case> cases = Suites.all();
    assertThat(cases).hasSizeGreaterThan(CipherSuite.values().length); // CBC-SHA suites run over several versions
    Random random = new Random(1);
    for (Case c : cases) {
      RecordCipher w = Suites.writer(c, 11);
      RecordCipher r = Suites.reader(c, 11);
      for (int len : LENGTHS) {
        TlsRecord plain = new TlsRecord(ContentType.APPLICATION_DATA, c.version(), Suites.random(random, len));
        TlsRecord sealed = w.protect(plain);
        assertThat(sealed.fragment().length()).as("%s len %d", c, len).isEqualTo(expectedLength(c, len));
        assertThat(sealed.type()).isEqualTo(plain.type());
        assertThat(r.unprotect(sealed)).as("%s len %d", c, len).isEqualTo(plain);
      }
      assertThat(w.sequenceNumber()).isEqualTo(LENGTHS.length);
      assertThat(r.sequenceNumber()).isEqualTo(LENGTHS.length);
    }
  }

  private static int expectedLength(Case c, int len) {
    var cipher = c.suite().cipher();
    if (c.suite().isAead()) {
      return cipher.explicitNonceLength() + len + 16;
    }
    int body = len + c.suite().mac().length() + 1;
    body += (16 - body % 16) % 16;
    return (c.version().hasExplicitIv() ? 16 : 0) + body;
  }

  @Test
  void tls10AndSsl3ChainTheIvFromTheLastCiphertextBlock() throws TlsAlertException {
    for (ProtocolVersion v : List.of(ProtocolVersion.SSL3, ProtocolVersion.TLS10)) {
      Case c = new Case(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, v);
      TrafficKeys keys = Suites.keys(c, 3);
      RecordCipher w = RecordCipher.forWriting(c.suite(), v, keys, RandomSource.seeded(3));
      byte[] iv = keys.iv().toByteArray();
      for (int i = 0; i < 4; i++) {
        Bytes content = Bytes.fromHex("00112233445566778899aabbccddeeff0" + i);
        TlsRecord sealed = w.protect(new TlsRecord(ContentType.APPLICATION_DATA, v, content));
        byte[] buf = sealed.fragment().toByteArray();
        byte[] nextIv = Arrays.copyOfRange(buf, buf.length - 16, buf.length);
        // Decrypt independently with the IV the chain predicts: the key block's, then the last block.
        new AesCbc(keys.key().toByteArray(), false).process(iv, buf, 0, buf.length);
        assertThat(Bytes.of(buf, 0, content.length())).as("record %d over %s", i, v).isEqualTo(content);
        iv = nextIv;
      }
    }
  }

  @Test
  void tls11PlusSendsAFreshIvFromTheRandomSourceInFrontOfEachRecord() {
    Case c = new Case(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, ProtocolVersion.TLS12);
    RecordCipher w = RecordCipher.forWriting(c.suite(), c.version(), Suites.keys(c, 4), RandomSource.seeded(99));
    RandomSource same = RandomSource.seeded(99);
    TlsRecord plain = new TlsRecord(ContentType.APPLICATION_DATA, c.version(), Bytes.fromHex("abcdef"));
    TlsRecord first = w.protect(plain);
    TlsRecord second = w.protect(plain);
    assertThat(first.fragment().slice(0, 16)).isEqualTo(Bytes.wrap(same.nextBytes(16)));
    assertThat(second.fragment().slice(0, 16)).isEqualTo(Bytes.wrap(same.nextBytes(16)));
    assertThat(first.fragment()).isNotEqualTo(second.fragment());
  }

  @Test
  void gcmSendsTheSequenceNumberAsExplicitNonce() {
    Case c = Suites.representative().get(0);
    RecordCipher w = Suites.writer(c, 5);
    TlsRecord plain = new TlsRecord(ContentType.HANDSHAKE, c.version(), Bytes.fromHex("14000000"));
    assertThat(w.protect(plain).fragment().slice(0, 8)).isEqualTo(Bytes.fromHex("0000000000000000"));
    assertThat(w.protect(plain).fragment().slice(0, 8)).isEqualTo(Bytes.fromHex("0000000000000001"));
  }

  @Test
  void replayedOrReorderedRecordsFailWithBadRecordMac() throws TlsAlertException {
    for (Case c : Suites.representative()) {
      RecordCipher w = Suites.writer(c, 6);
      TlsRecord r0 = w.protect(appData(c, "first"));
      TlsRecord r1 = w.protect(appData(c, "second"));

      assertBadRecordMac(() -> Suites.reader(c, 6).unprotect(r1), c + " reordered");
      RecordCipher reader = Suites.reader(c, 6);
      assertThat(reader.unprotect(r0)).isEqualTo(appData(c, "first"));
      assertBadRecordMac(() -> reader.unprotect(r0), c + " replayed");
    }
  }

  @Test
  void everySingleBitFlipOfAProtectedRecordIsBadRecordMac() throws TlsAlertException {
    for (Case c : Suites.representative()) {
      TlsRecord sealed = Suites.writer(c, 7).protect(appData(c, "attack at dawn"));
      byte[] frag = sealed.fragment().toByteArray();
      for (int bit = 0; bit < frag.length * 8; bit++) {
        byte[] f = frag.clone();
        f[bit / 8] ^= (byte) (1 << (bit % 8));
        TlsRecord tampered = new TlsRecord(sealed.type(), sealed.version(), Bytes.wrap(f));
        assertBadRecordMac(() -> Suites.reader(c, 7).unprotect(tampered), c + " bit " + bit);
      }
      // The header is authenticated too: type always, version except under SSL 3.0 (RFC 6101 §5.2.3.1).
      assertBadRecordMac(() -> Suites.reader(c, 7).unprotect(
          new TlsRecord(ContentType.HANDSHAKE, sealed.version(), sealed.fragment())), c + " type");
      if (!c.version().isSsl3()) {
        assertBadRecordMac(() -> Suites.reader(c, 7).unprotect(
            new TlsRecord(sealed.type(), new ProtocolVersion(3, 0x7f), sealed.fragment())), c + " version");
      }
      assertThat(Suites.reader(c, 7).unprotect(sealed)).isEqualTo(appData(c, "attack at dawn"));
    }
  }

  @Test
  void ciphertextTooShortOrNotWholeBlocksIsBadRecordMac() {
    for (Case c : Suites.representative()) {
      int max = c.suite().isAead() ? 24 : 100;
      for (int len = 0; len < max; len++) {
        if (!c.suite().isAead() && len % 16 == 0 && len >= (c.version().hasExplicitIv() ? 32 : 16) + c.suite().mac().length()) {
          continue; // long enough and whole blocks: a real decryption attempt, covered elsewhere
        }
        TlsRecord r = new TlsRecord(ContentType.APPLICATION_DATA, c.version(), Bytes.wrap(new byte[len]));
        assertBadRecordMac(() -> Suites.reader(c, 8).unprotect(r), c + " length " + len);
      }
    }
  }

  @Test
  void decryptedPlaintextOver2To14IsRecordOverflow() {
    for (Case c : Suites.representative()) {
      TlsRecord big = new TlsRecord(ContentType.APPLICATION_DATA, c.version(),
          Bytes.wrap(new byte[TlsRecord.MAX_PLAINTEXT + 1]));
      TlsRecord sealed = Suites.writer(c, 9).protect(big); // fault injection may send it
      assertAlert(() -> Suites.reader(c, 9).unprotect(sealed), AlertDescription.RECORD_OVERFLOW, c.toString());
    }
  }

  @Test
  void ciphertextOver2To14Plus2048IsRecordOverflowBeforeDecrypting() {
    Case c = Suites.representative().get(0);
    TlsRecord huge = new TlsRecord(ContentType.APPLICATION_DATA, c.version(),
        Bytes.wrap(new byte[TlsRecord.MAX_CIPHERTEXT + 1]));
    assertAlert(() -> Suites.reader(c, 10).unprotect(huge), AlertDescription.RECORD_OVERFLOW, c.toString());
  }

  @Test
  void nullProtectionPassesRecordsAndEnforcesThePlaintextLimit() throws TlsAlertException {
    RecordCipher none = RecordCipher.none();
    TlsRecord r = new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12, Bytes.fromHex("0e000000"));
    assertThat(none.protect(r)).isEqualTo(r);
    assertThat(none.unprotect(r)).isEqualTo(r);
    TlsRecord big = new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12, Bytes.wrap(new byte[TlsRecord.MAX_PLAINTEXT + 1]));
    assertAlert(() -> none.unprotect(big), AlertDescription.RECORD_OVERFLOW, "null");
  }

  @Test
  void aWriteStateDoesNotUnprotectAndAReadStateDoesNotProtect() {
    Case c = Suites.representative().get(2);
    assertThatThrownBy(() -> Suites.writer(c, 1).unprotect(appData(c, "x"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Suites.reader(c, 1).protect(appData(c, "x"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesKeysOfTheWrongShapeAndSuitesTheVersionCannotCarry() {
    Case gcm = Suites.representative().get(0);
    TrafficKeys k = Suites.keys(gcm, 1);
    assertThatThrownBy(() -> RecordCipher.forReading(gcm.suite(), gcm.version(), new TrafficKeys(k.macKey(), k.key().slice(0, 15), k.iv())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordCipher.forReading(gcm.suite(), ProtocolVersion.TLS11, k))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static TlsRecord appData(Case c, String text) {
    return new TlsRecord(ContentType.APPLICATION_DATA, c.version(), Bytes.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  interface Action {
    Object run() throws TlsAlertException;
  }

  static TlsAlertException assertBadRecordMac(Action a, String what) {
    TlsAlertException e = assertAlert(a, AlertDescription.BAD_RECORD_MAC, what);
    assertThat(e.getMessage()).as(what).isEqualTo(RecordCipher.BAD_RECORD_MAC);
    return e;
  }

  static TlsAlertException assertAlert(Action a, AlertDescription alert, String what) {
    TlsAlertException e = catchThrowableOfType(TlsAlertException.class, a::run);
    assertThat(e).as(what + " must fail with " + alert.rfcName()).isNotNull();
    assertThat(e.alert()).as(what).isEqualTo(alert);
    return e;
  }
}
