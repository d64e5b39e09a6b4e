package dev.hslab.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A real SSL 3.0 session (resource jsse-ssl3.txt: every record two JDK SunJSSE SSLEngines sent,
 * TLS_RSA_WITH_AES_128_CBC_SHA). OpenSSL 3.0 here has no SSL 3.0 and no published SSL 3.0 vector
 * was found, so this is the SSL 3.0 known answer: with the server's key the test decrypts the
 * premaster secret, derives the master secret and key block (RFC 6101 §6.1, §6.2.2), decrypts both
 * encrypted Finished records with the derived keys and IVs, checks their SSL 3.0 MACs (RFC 6101
 * §5.2.3.1, written here with JDK MessageDigest) and compares verify_data (RFC 6101 §5.6.9).
 */
class JsseSsl3CaptureTest {

  @Test
  void derivesTheKeysAndFinishedOfARealJsseSsl3Session() throws IOException, GeneralSecurityException {
    Map<String, Bytes> lines = load("jsse-ssl3.txt");
    List<Bytes[]> client = records(lines.get("C"));
    List<Bytes[]> server = records(lines.get("S"));
    // Client: ClientHello, ClientKeyExchange, ChangeCipherSpec, Finished; server: one record with
    // ServerHello, Certificate, ServerHelloDone, then ChangeCipherSpec, Finished.
    List<Bytes> clientFlight1 = messages(client.get(0)[1]);
    List<Bytes> serverFlight = messages(server.get(0)[1]);
    List<Bytes> clientFlight2 = messages(client.get(1)[1]);
    Bytes clientHello = clientFlight1.get(0);
    Bytes serverHello = serverFlight.get(0);
    Bytes cke = clientFlight2.get(0);
    assertThat(serverHello.slice(4, 6)).isEqualTo(Bytes.fromHex("0300"));

    // RFC 6101 §5.6.7.1: SSL 3.0 sends the RSA-encrypted premaster without a length prefix.
    Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    rsa.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(lines.get("key").toByteArray())));
    Bytes premaster = Bytes.of(rsa.doFinal(cke.slice(4, cke.length()).toByteArray()));
    assertThat(premaster.length()).isEqualTo(48);

    KeyDerivation kd = KeyDerivation.of(ProtocolVersion.SSL3, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
    Bytes clientRandom = clientHello.slice(6, 38);
    Bytes serverRandom = serverHello.slice(6, 38);
    Bytes master = kd.masterSecret(premaster, clientRandom, serverRandom);
    SessionKeys keys = kd.sessionKeys(master, clientRandom, serverRandom);

    Transcript t = Transcript.empty().append(clientHello);
    for (Bytes m : serverFlight) {
      t = t.append(m);
    }
    t = t.append(cke);
    assertThat(client.get(2)[0]).isEqualTo(Bytes.fromHex("14")); // ChangeCipherSpec
    Bytes clientFinished = open(keys.client(), client.get(3));
    assertThat(clientFinished.slice(0, 4)).isEqualTo(Bytes.fromHex("14000024"));
    assertThat(clientFinished.slice(4, 40)).isEqualTo(kd.verifyData(master, Sender.CLIENT, t));

    t = t.append(clientFinished);
    Bytes serverFinished = open(keys.server(), server.get(2));
    assertThat(serverFinished.slice(4, 40)).isEqualTo(kd.verifyData(master, Sender.SERVER, t));
  }

  /** Decrypts the first protected record (sequence 0) with AES-128-CBC and checks its SSL 3.0 MAC. */
  private static Bytes open(TrafficKeys keys, Bytes[] record) throws GeneralSecurityException {
    Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.key().toByteArray(), "AES"),
        new IvParameterSpec(keys.iv().toByteArray()));
    byte[] plain = aes.doFinal(record[1].toByteArray());
    int padding = plain[plain.length - 1] & 0xff;
    int contentEnd = plain.length - 1 - padding - 20;
    byte[] content = Arrays.copyOfRange(plain, 0, contentEnd);
    byte[] mac = Arrays.copyOfRange(plain, contentEnd, contentEnd + 20);
    // RFC 6101 §5.2.3.1: hash(MAC_write_secret + pad_2 + hash(MAC_write_secret + pad_1 + seq_num
    // + SSLCompressed.type + SSLCompressed.length + SSLCompressed.fragment)), 40-byte pads for SHA.
    byte[] pad1 = new byte[40];
    byte[] pad2 = new byte[40];
    Arrays.fill(pad1, (byte) 0x36);
    Arrays.fill(pad2, (byte) 0x5c);
    MessageDigest inner = MessageDigest.getInstance("SHA-1");
    inner.update(keys.macKey().toByteArray());
    inner.update(pad1);
    inner.update(new byte[8]);
    inner.update(record[0].toByteArray());
    inner.update(new byte[] {(byte) (content.length >> 8), (byte) content.length});
    inner.update(content);
    MessageDigest outer = MessageDigest.getInstance("SHA-1");
    outer.update(keys.macKey().toByteArray());
    outer.update(pad2);
    assertThat(Bytes.of(outer.digest(inner.digest()))).isEqualTo(Bytes.of(mac));
    return Bytes.of(content);
  }

  /** Splits a record stream into (content type, fragment) pairs. */
  private static List<Bytes[]> records(Bytes stream) {
    List<Bytes[]> out = new ArrayList<>();
    for (int off = 0; off < stream.length(); ) {
      int len = stream.getUnsigned(off + 3) << 8 | stream.getUnsigned(off + 4);
      out.add(new Bytes[] {stream.slice(off, off + 1), stream.slice(off + 5, off + 5 + len)});
      off += 5 + len;
    }
    return out;
  }

  /** Splits a plaintext handshake fragment into messages (header included). */
  private static List<Bytes> messages(Bytes fragment) {
    List<Bytes> out = new ArrayList<>();
    for (int off = 0; off < fragment.length(); ) {
      int len = fragment.getUnsigned(off + 1) << 16 | fragment.getUnsigned(off + 2) << 8 | fragment.getUnsigned(off + 3);
      out.add(fragment.slice(off, off + 4 + len));
      off += 4 + len;
    }
    return out;
  }

  private static Map<String, Bytes> load(String resource) throws IOException {
    Map<String, Bytes> out = new HashMap<>();
    try (InputStream in = JsseSsl3CaptureTest.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] f = line.trim().split(" ");
          out.put(f[0], Bytes.fromHex(f[1]));
        }
      }
    }
    return out;
  }
}
