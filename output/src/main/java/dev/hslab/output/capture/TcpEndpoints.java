package dev.hslab.output.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The synthetic TCP connection a capture shows: client and server IPv4 addresses and ports.
 *
 * @param client the client's address (default 10.0.0.1)
 * @param clientPort an ephemeral port (RFC 6335 §6: 49152–65535)
 * @param server the server's address (default 10.0.0.2)
 * @param serverPort 443, so Wireshark's heuristics dissect the stream as TLS
 */
public record TcpEndpoints(InetAddress client, int clientPort, InetAddress server, int serverPort) {

  public static final int FIRST_EPHEMERAL_PORT = 49152;

  public static final TcpEndpoints DEFAULT = new TcpEndpoints(ipv4(10, 0, 0, 1), FIRST_EPHEMERAL_PORT, ipv4(10, 0, 0, 2), 443);

  public TcpEndpoints {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(server, "server");
    if (client.getAddress().length != 4 || server.getAddress().length != 4) {
      throw new IllegalArgumentException("capture endpoints must be IPv4 addresses");
    }
    checkPort(clientPort);
    checkPort(serverPort);
    if (client.equals(server) && clientPort == serverPort) {
      throw new IllegalArgumentException("client and server endpoints must differ");
    }
  }

  /**
   * The default addresses with an ephemeral client port derived from the run's seed, so two
   * runs with different seeds can be merged into one capture as two connections.
   */
  public static TcpEndpoints forSeed(long seed) {
    // Fibonacci hashing spreads consecutive seeds over the 16384 ephemeral ports.
    long mixed = (seed * 0x9E3779B97F4A7C15L) >>> 50;
    return new TcpEndpoints(DEFAULT.client, FIRST_EPHEMERAL_PORT + (int) mixed, DEFAULT.server, DEFAULT.serverPort);
  }

  private static void checkPort(int port) {
    if (port < 1 || port > 0xffff) {
      throw new IllegalArgumentException("TCP port out of range: " + port);
    }
  }

  private static InetAddress ipv4(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are always an IPv4 address", e);
    }
  }
}
