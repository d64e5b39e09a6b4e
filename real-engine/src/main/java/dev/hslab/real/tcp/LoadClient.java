package dev.hslab.real.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A load of real TLS clients (SunJSSE {@link SSLSocket}s) against a server that echoes, such as
 * {@code hslab serve}: {@code connections} connections, {@code concurrency} at a time, each a full
 * handshake (a fresh {@link SSLContext} per connection, so nothing is resumed from a client
 * session cache), one request, its echo checked byte for byte, and close_notify both ways (RFC
 * 5246 §7.2.1). Each connection ends in exactly one {@link LoadResult.Connection}.
 */
public final class LoadClient {

  /** What the echo server puts in front of the request ({@code hslab serve}'s {@code Conversation.echo}). */
  public static final String ECHO_PREFIX = "hslab: ";

  private final LoadOptions options;
  private final TrustManager[] trust;
  private final SecureRandom random = new SecureRandom();

  private LoadClient(LoadOptions options, TrustManager[] trust) {
    this.options = options;
    this.trust = trust;
  }

  /** Runs the load and returns every connection's result, in connection order. */
  public static LoadResult run(LoadOptions options) throws GeneralSecurityException, IOException {
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    int i = 0;
    for (X509Certificate c : options.anchors()) {
      anchors.setCertificateEntry("anchor-" + i++, c);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(anchors);
    return new LoadClient(options, tmf.getTrustManagers()).runAll();
  }

  private LoadResult runAll() throws IOException {
    AtomicInteger next = new AtomicInteger();
    LoadResult.Connection[] results = new LoadResult.Connection[options.connections()];
    ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
      Thread t = new Thread(r, "hslab-load");
      t.setDaemon(true);
      return t;
    });
    long started = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < options.concurrency(); w++) {
        workers.add(pool.submit(() -> {
          for (int n = next.getAndIncrement(); n < results.length; n = next.getAndIncrement()) {
            results[n] = one(n + 1);
          }
        }));
      }
      for (Future<?> f : workers) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("a load worker failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new LoadResult(Arrays.asList(results), seconds);
  }

  /** One connection from connect to close; every failure becomes a result with its phase. */
  LoadResult.Connection one(int n) {
    long t0 = System.nanoTime();
    Socket raw = new Socket();
    String phase = "connect";
    try (raw) {
      raw.connect(new InetSocketAddress(options.host(), options.port()), millis(options.timeouts().connect()));
      raw.setSoTimeout(millis(options.timeouts().read()));
      raw.setTcpNoDelay(true);
      phase = "handshake";
      SSLSocket s = (SSLSocket) context().getSocketFactory().createSocket(raw, options.serverName(), options.port(), true);
      SSLParameters p = s.getSSLParameters();
      p.setProtocols(options.protocols().toArray(String[]::new));
      p.setServerNames(List.of(new SNIHostName(options.serverName())));
      p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name serverName
      s.setSSLParameters(p);
      s.startHandshake();
      long handshakeNanos = System.nanoTime() - t0;
      SSLSession session = s.getSession();
      String negotiated = session.getProtocol() + " " + session.getCipherSuite();

      phase = "answer";
      byte[] request = ("hslab load " + n + "\n").getBytes(StandardCharsets.US_ASCII);
      byte[] expected = (ECHO_PREFIX + "hslab load " + n + "\n").getBytes(StandardCharsets.US_ASCII);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = s.getInputStream();
      byte[] answer = in.readNBytes(expected.length);
      if (!Arrays.equals(answer, expected)) {
        return LoadResult.Connection.failed(n, answer.length < expected.length ? "peer_closed:answer" : "bad_answer",
            "expected '" + printable(expected) + "', got '" + printable(answer) + "'");
      }

      // RFC 5246 §7.2.1: send close_notify, then the peer answers with its own before closing.
      phase = "close";
      s.shutdownOutput();
      int after = in.read();
      if (after != -1) {
        return LoadResult.Connection.failed(n, "bad_answer", "data after the echo instead of close_notify");
      }
      return LoadResult.Connection.ok(n, negotiated, handshakeNanos);
    } catch (SocketTimeoutException e) {
      return LoadResult.Connection.failed(n, "timeout:" + phase, message(e));
    } catch (ConnectException e) {
      return LoadResult.Connection.failed(n, "connect_failed", message(e));
    } catch (SSLHandshakeException e) {
      return LoadResult.Connection.failed(n, "handshake_failed", message(e));
    } catch (SSLException e) {
      return LoadResult.Connection.failed(n, "tls_error:" + phase, message(e));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return LoadResult.Connection.failed(n, "io_error:" + phase, message(e));
    }
  }

  /** A fresh context per connection: its empty client session cache makes every handshake a full one. */
  private SSLContext context() throws GeneralSecurityException {
    SSLContext c = SSLContext.getInstance("TLS", "SunJSSE");
    c.init(null, trust, random);
    return c;
  }

  private static int millis(java.time.Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
  }

  private static String message(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String printable(byte[] b) {
    return new String(b, StandardCharsets.US_ASCII).replace("\n", "\\n");
  }
}
