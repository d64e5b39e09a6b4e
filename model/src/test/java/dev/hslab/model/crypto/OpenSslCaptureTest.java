package dev.hslab.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real sessions between OpenSSL 3.0.19 s_client and s_server on 127.0.0.1 (resources
 * openssl-*.txt: the client's -msg handshake messages and its -keylogfile). OpenSSL negotiated the
 * extended master secret in each. From the premaster secret (the key log's RSA line) and the
 * transcript alone, the test recomputes session_hash, the master secret (RFC 7627 §4) and both
 * Finished verify_data (RFC 5246 §7.4.9 / RFC 2246 §7.4.9), and compares them with what OpenSSL
 * logged and sent: one test checks the transcript hashes, the PRF and Finished at once.
 */
class OpenSslCaptureTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "openssl-tls12.txt, 3.3, TLS_RSA_WITH_AES_128_CBC_SHA256",
    "openssl-tls12gcm384.txt, 3.3, TLS_RSA_WITH_AES_256_GCM_SHA384",
    "openssl-tls11.txt, 3.2, TLS_RSA_WITH_AES_256_CBC_SHA",
    "openssl-tls10.txt, 3.1, TLS_RSA_WITH_AES_128_CBC_SHA"
  })
  void recomputesExtendedMasterSecretAndBothFinishedOfARealSession(String resource, String version, String suiteName)
      throws IOException {
    Capture cap = Capture.load(resource);
    ProtocolVersion v = new ProtocolVersion(3, Integer.parseInt(version.substring(2)));
    CipherSuite suite = CipherSuite.fromIanaName(suiteName).orElseThrow();
    KeyDerivation kd = KeyDerivation.of(v, suite);

    // The ServerHello really negotiated this version and suite (RFC 5246 §7.4.1.3 layout).
    Bytes serverHello = cap.message("S", "ServerHello");
    assertThat(serverHello.getUnsigned(4) << 8 | serverHello.getUnsigned(5)).isEqualTo(v.code());
    int sessionIdLength = serverHello.getUnsigned(38);
    assertThat(serverHello.getUnsigned(39 + sessionIdLength) << 8 | serverHello.getUnsigned(40 + sessionIdLength))
        .isEqualTo(suite.code());

    Bytes clientRandom = cap.message("C", "ClientHello").slice(6, 38);
    Bytes serverRandom = serverHello.slice(6, 38);
    assertThat(cap.keylog.get("CLIENT_RANDOM")[0]).isEqualTo(clientRandom);
    Bytes loggedMaster = cap.keylog.get("CLIENT_RANDOM")[1];
    Bytes premaster = cap.keylog.get("RSA")[1];
    // The RSA line is keyed by the first 8 bytes of the encrypted premaster in ClientKeyExchange.
    assertThat(cap.message("C", "ClientKeyExchange").slice(6, 14)).isEqualTo(cap.keylog.get("RSA")[0]);

    Transcript throughCke = cap.transcriptThrough("C", "ClientKeyExchange");
    Bytes master = kd.extendedMasterSecret(premaster, throughCke);
    assertThat(master).isEqualTo(loggedMaster);
    // Without EMS the master secret would differ: the session really used RFC 7627.
    assertThat(kd.masterSecret(premaster, clientRandom, serverRandom)).isNotEqualTo(loggedMaster);

    Bytes clientFinished = cap.message("C", "Finished");
    assertThat(kd.verifyData(master, Sender.CLIENT, throughCke)).isEqualTo(clientFinished.slice(4, 16));
    Transcript beforeServerFinished = cap.transcriptThrough("S", "NewSessionTicket");
    assertThat(kd.verifyData(master, Sender.SERVER, beforeServerFinished))
        .isEqualTo(cap.message("S", "Finished").slice(4, 16));
  }

  /** One capture file: key log entries and the handshake messages in the order the client saw them. */
  private record Capture(Map<String, Bytes[]> keylog, List<String[]> messages) {

    static Capture load(String resource) throws IOException {
      Map<String, Bytes[]> keylog = new HashMap<>();
      List<String[]> messages = new ArrayList<>();
      try (InputStream in = OpenSslCaptureTest.class.getResourceAsStream(resource)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
          String[] f = line.trim().split(" ");
          if (line.startsWith("#") || line.isBlank()) {
            continue;
          } else if (f[0].equals("keylog")) {
            keylog.put(f[1], new Bytes[] {Bytes.fromHex(f[2]), Bytes.fromHex(f[3])});
          } else {
            messages.add(f);
          }
        }
      }
      return new Capture(keylog, messages);
    }

    Bytes message(String direction, String type) {
      return messages.stream().filter(m -> m[0].equals(direction) && m[1].equals(type))
          .map(m -> Bytes.fromHex(m[2])).findFirst().orElseThrow();
    }

    /** The transcript of every message up to and including the first ({@code direction}, {@code type}). */
    Transcript transcriptThrough(String direction, String type) {
      Transcript t = Transcript.empty();
      for (String[] m : messages) {
        t = t.append(Bytes.fromHex(m[2]));
        if (m[0].equals(direction) && m[1].equals(type)) {
          return t;
        }
      }
      throw new IllegalArgumentException("no " + type + " from " + direction);
    }
  }
}
