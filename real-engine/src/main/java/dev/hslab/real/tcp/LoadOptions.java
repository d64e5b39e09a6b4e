package dev.hslab.real.tcp;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A load against an echoing TLS server ({@link LoadClient}).
 *
 * @param host the server's address
 * @param port its port
 * @param connections how many connections in all
 * @param concurrency how many at a time
 * @param anchors the trust anchors for the server's chain
 * @param serverName SNI and the name the server's certificate must carry
 * @param protocols the protocol versions the clients offer, JSSE names such as {@code TLSv1.2}
 * @param timeouts connect and per-read bounds
 */
public record LoadOptions(String host, int port, int connections, int concurrency, List<X509Certificate> anchors,
    String serverName, List<String> protocols, Timeouts timeouts) {

  public LoadOptions {
    if (connections < 1 || concurrency < 1) {
      throw new IllegalArgumentException("connections and concurrency must be positive");
    }
    anchors = List.copyOf(anchors);
    protocols = List.copyOf(protocols);
  }
}
