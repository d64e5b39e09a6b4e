package dev.hslab.real;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.Pem;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.ProtocolVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code openssl} process for one connection on 127.0.0.1, configured from an {@link
 * EngineConfig}: its protocol versions and cipher suites (mapped to OpenSSL's names by {@code
 * openssl ciphers -stdname}). A server ({@code s_server -naccept 1}) gets the configuration's
 * certificate chain and key written as PEM, so the model client validates it as it validates the
 * model server; a client ({@code s_client}) gets its trust anchors and the server name to verify,
 * at the configuration's clock ({@code -attime}). Every wait is bounded and the process is always
 * destroyed ({@link #close}).
 */
final class OpenSslProcess implements AutoCloseable {

  /** How long a reply to a record may take to start before the step ends without one. */
  static final int FIRST_MILLIS = 150;
  /** The quiet that ends a reply once it started. */
  static final int QUIET_MILLIS = 40;
  /** The wait for a reply that must come (application data, the last word before a timeout). */
  static final int REPLY_MILLIS = 500;

  private static Map<String, String> openSslNames;

  private final Process process;
  private final Path dir;
  private final int port;
  private final ProcessOutput output;

  private OpenSslProcess(List<String> cmd, Path dir, int port) throws IOException {
    this.dir = dir;
    this.port = port;
    this.process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    this.output = ProcessOutput.collect(process, "openssl-output");
  }

  /** {@code openssl s_server} for one connection on a free port, once it listens. */
  static OpenSslProcess server(EngineConfig config) {
    if (config.identities().isEmpty()) {
      throw new IllegalArgumentException("openssl: the configuration has no server certificate");
    }
    try {
      Path dir = Files.createTempDirectory("hslab-openssl");
      Identity id = config.identities().get(0);
      // -cert reads only the leaf; the rest of the chain goes in -cert_chain (the leaf twice would
      // make the Certificate message a different chain from the model server's).
      id.save(dir.resolve("leaf.pem"), dir.resolve("key.pem"));
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-naccept", "1",
          "-cert", "leaf.pem", "-key", "key.pem"));
      if (id.chain().size() > 1) {
        Pem.writeCertificates(dir.resolve("chain.pem"), id.chain().subList(1, id.chain().size()));
        cmd.addAll(List.of("-cert_chain", "chain.pem"));
      }
      if (config.clientAuth() != ClientAuth.NONE) {
        // RFC 5246 §7.4.4: -verify asks for a certificate, -Verify also refuses a client without
        // one; the chain is checked against the configuration's CA at its clock.
        Pem.writeCertificates(dir.resolve("ca.pem"), config.trust().trustAnchors());
        cmd.addAll(List.of(config.clientAuth() == ClientAuth.REQUIRE ? "-Verify" : "-verify", "1", "-CAfile", "ca.pem",
            "-verify_return_error", "-attime", Long.toString(config.now().getEpochSecond())));
      }
      cmd.addAll(common(config));
      OpenSslProcess s = new OpenSslProcess(cmd, dir, port);
      s.awaitOutput("ACCEPT");
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start openssl s_server: " + e.getMessage(), e);
    }
  }

  /** {@code openssl s_client} connecting to {@code port} on 127.0.0.1, where the caller listens. */
  static OpenSslProcess client(EngineConfig config, int port) {
    try {
      Path dir = Files.createTempDirectory("hslab-openssl");
      Pem.writeCertificates(dir.resolve("ca.pem"), config.trust().trustAnchors());
      List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
          "-servername", config.serverName(), "-CAfile", "ca.pem", "-verify_return_error",
          "-verify_hostname", config.serverName(), "-attime", Long.toString(config.now().getEpochSecond())));
      if (!config.identities().isEmpty()) {
        // The model client's certificate, for a server that asks (RFC 5246 §7.4.6); without one
        // s_client answers a CertificateRequest with an empty Certificate.
        Identity id = config.identities().get(0);
        id.save(dir.resolve("leaf.pem"), dir.resolve("key.pem"));
        cmd.addAll(List.of("-cert", "leaf.pem", "-key", "key.pem"));
        if (id.chain().size() > 1) {
          Pem.writeCertificates(dir.resolve("chain.pem"), id.chain().subList(1, id.chain().size()));
          cmd.addAll(List.of("-cert_chain", "chain.pem"));
        }
      }
      cmd.addAll(common(config));
      return new OpenSslProcess(cmd, dir, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start openssl s_client: " + e.getMessage(), e);
    }
  }

  private static List<String> common(EngineConfig config) throws IOException {
    return List.of("-min_protocol", protocol(config.minVersion()), "-max_protocol", protocol(config.maxVersion()),
        // SECLEVEL 0: the configuration, not OpenSSL's default policy, decides what is offered.
        "-cipher", cipherList(config.cipherSuites()) + ":@SECLEVEL=0");
  }

  int port() {
    return port;
  }

  /** Lines on the standard input become application data on the connection ({@code Q} alone: s_client's close). */
  void input(byte[] data) {
    try {
      OutputStream o = process.getOutputStream();
      o.write(data);
      o.write('\n');
      o.flush();
    } catch (IOException e) {
      // the process ended: the socket tells how
    }
  }

  private void awaitOutput(String text) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      if (output.contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        break;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new IllegalStateException("openssl did not start: " + output.toString().strip());
  }

  private static String protocol(ProtocolVersion v) {
    return v.jsseName(); // SSLv3, TLSv1, TLSv1.1, TLSv1.2: OpenSSL's names too
  }

  /** The suites in OpenSSL's names, in the configuration's order. */
  private static String cipherList(List<CipherSuite> suites) throws IOException {
    Map<String, String> names = openSslNames();
    List<String> out = new ArrayList<>();
    for (CipherSuite s : suites) {
      String n = names.get(s.ianaName());
      if (n != null) {
        out.add(n);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("openssl knows none of the configured cipher suites");
    }
    return String.join(":", out);
  }

  /** {@code openssl ciphers -stdname}: lines like {@code TLS_RSA_WITH_AES_128_GCM_SHA256 - AES128-GCM-SHA256 ...}. */
  private static synchronized Map<String, String> openSslNames() throws IOException {
    if (openSslNames == null) {
      Process p = new ProcessBuilder("openssl", "ciphers", "-stdname", "ALL:COMPLEMENTOFALL:@SECLEVEL=0")
          .redirectErrorStream(true).start();
      Map<String, String> m = new HashMap<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          String[] f = line.trim().split("\\s+");
          if (f.length >= 3 && f[1].equals("-")) {
            m.put(f[0], f[2]);
          }
        }
      }
      openSslNames = m;
    }
    return openSslNames;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
