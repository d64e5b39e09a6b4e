package dev.hslab.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.PrfHash;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class TranscriptTest {

  private static final Bytes HELLO = Bytes.fromHex("01000004 03030102");
  private static final Bytes DONE = Bytes.fromHex("0e000000");
  private static final Bytes MASTER = Bytes.fromHex("2f6962dfbc744c4b2138bb6b3d33054c5ecc14f24851d9896395a44ab3964efc"
      + "2090c5bf51a0891209f46c1e1e998f62");

  @Test
  void appendReturnsANewTranscriptAndLeavesTheOldOneUnchanged() {
    Transcript one = Transcript.empty().append(HELLO);
    Transcript two = one.append(DONE);
    assertThat(one.messages()).containsExactly(HELLO);
    assertThat(two.messages()).containsExactly(HELLO, DONE);
    assertThat(two.handshakeMessages()).isEqualTo(Bytes.concat(HELLO, DONE));
    assertThat(two.length()).isEqualTo(12);
    assertThat(Transcript.empty().append(HELLO)).isEqualTo(one); // value equality
  }

  @Test
  void hashesMatchTheJdkDigestsOfTheConcatenatedMessages() throws GeneralSecurityException {
    // Cross-check against SunJCE MessageDigest over handshake_messages.
    Transcript t = Transcript.empty().append(HELLO).append(DONE);
    byte[] all = Bytes.concat(HELLO, DONE).toByteArray();
    assertThat(t.hash(PrfHash.SHA256)).isEqualTo(jdk("SHA-256", all));
    assertThat(t.hash(PrfHash.SHA384)).isEqualTo(jdk("SHA-384", all));
    assertThat(t.sha1()).isEqualTo(jdk("SHA-1", all));
    assertThat(t.md5Sha1()).isEqualTo(Bytes.concat(jdk("MD5", all), jdk("SHA-1", all)));
    // The empty transcript hashes the empty string (FIPS 180-4 SHA-256 of "").
    assertThat(Transcript.empty().hash(PrfHash.SHA256))
        .isEqualTo(Bytes.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }

  @Test
  void sessionHashIsThePrfHashInTls12AndMd5Sha1Before() {
    Transcript t = Transcript.empty().append(HELLO).append(DONE);
    assertThat(KeyDerivation.of(ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384).sessionHash(t))
        .isEqualTo(t.hash(PrfHash.SHA384));
    assertThat(KeyDerivation.of(ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).sessionHash(t))
        .isEqualTo(t.hash(PrfHash.SHA256));
    assertThat(KeyDerivation.of(ProtocolVersion.TLS11, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).sessionHash(t))
        .isEqualTo(t.md5Sha1());
  }

  @Test
  void ssl3FinishedAndCertificateVerifyHashesMatchAnIndependentImplementation() throws GeneralSecurityException {
    // No published SSL 3.0 Finished vector found: cross-checked against Ssl3Reference (JDK
    // MessageDigest, from RFC 6101 §5.6.8 and §5.6.9).
    Transcript t = Transcript.empty().append(HELLO).append(DONE);
    byte[] all = t.handshakeMessages().toByteArray();
    byte[] m = MASTER.toByteArray();
    assertThat(t.ssl3Finished(MASTER, Sender.CLIENT))
        .isEqualTo(Bytes.of(Ssl3Reference.handshakeHashes(all, new byte[] {'C', 'L', 'N', 'T'}, m)));
    assertThat(t.ssl3Finished(MASTER, Sender.SERVER))
        .isEqualTo(Bytes.of(Ssl3Reference.handshakeHashes(all, new byte[] {'S', 'R', 'V', 'R'}, m)));
    assertThat(t.ssl3CertificateVerify(MASTER)).isEqualTo(Bytes.of(Ssl3Reference.handshakeHashes(all, new byte[0], m)));
    Bytes verifyData = KeyDerivation.of(ProtocolVersion.SSL3, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)
        .verifyData(MASTER, Sender.CLIENT, t);
    assertThat(verifyData.length()).isEqualTo(36);
    assertThat(verifyData).isEqualTo(t.ssl3Finished(MASTER, Sender.CLIENT));
  }

  @Test
  void finishedOfClientAndServerDiffer() {
    Transcript t = Transcript.empty().append(HELLO);
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      KeyDerivation kd = KeyDerivation.of(v, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
      assertThat(kd.verifyData(MASTER, Sender.CLIENT, t)).isNotEqualTo(kd.verifyData(MASTER, Sender.SERVER, t));
      assertThat(kd.verifyData(MASTER, Sender.CLIENT, t)).isNotEqualTo(kd.verifyData(MASTER, Sender.CLIENT, t.append(DONE)));
    }
  }

  private static Bytes jdk(String alg, byte[] data) throws GeneralSecurityException {
    return Bytes.of(MessageDigest.getInstance(alg).digest(data));
  }
}
