package dev.hslab.cli;

import static dev.hslab.cli.BridgeCommandsTest.freePort;
import static dev.hslab.cli.BridgeCommandsTest.hslab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hslab.cli.BridgeCommandsTest.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code hslab connect 127.0.0.1:PORT --ca ca.pem} against {@code openssl s_server} on 127.0.0.1,
 * with a chain {@code openssl} made itself (a root, and a leaf with {@code subjectAltName =
 * DNS:localhost, IP:127.0.0.1}): the address is checked against the IP entry (RFC 6125 §6.4),
 * the default offer meets a server configured for any one of RSA, DHE_RSA and ECDHE_RSA, and a
 * server sharing no suite ends in an ordinary handshake_failure (issue 16, items 5 to 7).
 */
@Timeout(60)
class ConnectOpenSslTest {

  @TempDir static Path dir;

  @BeforeAll
  static void opensslChain() throws Exception {
    assumeThat(openssl(dir, "version")).as("openssl on the PATH").isTrue();
    Files.writeString(dir.resolve("leaf.ext"), "subjectAltName = DNS:localhost, IP:127.0.0.1\n"
        + "extendedKeyUsage = serverAuth\nkeyUsage = critical, digitalSignature, keyEncipherment\n");
    assertThat(openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
        "-subj", "/CN=OpenSSL Test Root", "-days", "2", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")).isTrue();
    assertThat(openssl(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
        "-subj", "/CN=localhost")).isTrue();
    assertThat(openssl(dir, "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "2",
        "-days", "2", "-extfile", "leaf.ext", "-out", "leaf.pem")).isTrue();
  }

  @ParameterizedTest(name = "no --kex against s_server -cipher {0}")
  @CsvSource({
      "AES128-GCM-SHA256, TLS_RSA_WITH_AES_128_GCM_SHA256",
      "DHE-RSA-AES128-GCM-SHA256, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
      "ECDHE-RSA-AES128-GCM-SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"})
  void establishesByIpAddressWithTheDefaultOffer(String opensslCipher, String iana) throws Exception {
    int port = freePort();
    Process server = sServer(port, opensslCipher);
    try {
      Result r = hslab("connect", "127.0.0.1:" + port, "--ca", dir.resolve("ca.pem").toString(), "--timeout", "10");
      assertThat(r.code()).as(r.out() + r.err() + output(port)).isZero();
      assertThat(r.out()).contains("established: TLSv1.2, " + iana)
          .contains("server's sequence under the server table: accepted");
    } finally {
      stop(server);
    }
  }

  @Test
  void aServerSharingNoSuiteEndsInHandshakeFailureNotAnInternalError() throws Exception {
    int port = freePort();
    Process server = sServer(port, "DHE-RSA-AES128-GCM-SHA256");
    try {
      Result r = hslab("connect", "127.0.0.1:" + port, "--ca", dir.resolve("ca.pem").toString(), "--kex", "ecdhe_rsa",
          "--timeout", "10");
      assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Hslab.FAILED);
      assertThat(r.err()).as(r.out()).doesNotContain("internal error");
      assertThat(r.out()).contains("handshake_failure")
          .contains("server's sequence under the server table: accepted (FAILED, ended by handshake_failure)");
    } finally {
      stop(server);
    }
  }

  /** {@code openssl s_server} on 127.0.0.1:{@code port} for one connection, TLS 1.2, only {@code cipher}; waits for it to listen. */
  private static Process sServer(int port, String cipher) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-naccept", "1",
        "-tls1_2", "-cipher", cipher, "-cert", "leaf.pem", "-key", "leaf.key", "-www"));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("s_server-" + port + ".out").toFile()).start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!output(port).contains("ACCEPT") && p.isAlive() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(output(port)).contains("ACCEPT");
    return p;
  }

  private static String output(int port) throws IOException {
    Path f = dir.resolve("s_server-" + port + ".out");
    return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(3, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
    }
  }

  /** Runs {@code openssl args} in {@code dir}; whether it exited 0 within 30 seconds. */
  private static boolean openssl(Path dir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("openssl.log").toFile()).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
