package dev.hslab.bench;

import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;

/**
 * What the explorer benchmark explores for each fault budget k. k = 0 and 1 cover the whole
 * configuration space; k = 2 and 3 grow by about 10x per fault and use bounded subsets so one
 * exploration stays in seconds:
 * <ul>
 *   <li>k = 2: every TLS 1.2 configuration without renegotiation in which the client closes
 *       (all key exchanges, client authentication, sessions: 120 configurations);</li>
 *   <li>k = 3: of those, the ECDHE_RSA ones (client authentication and sessions vary).</li>
 * </ul>
 */
public final class ExplorerWorkloads {

  private ExplorerWorkloads() {}

  public static List<Configuration> forFaults(int k) {
    return switch (k) {
      case 0, 1 -> ConfigurationSpace.all();
      case 2 -> tls12NoRenegotiation(null);
      case 3 -> tls12NoRenegotiation(KeyExchange.ECDHE_RSA);
      default -> throw new IllegalArgumentException("fault budget " + k + " has no workload (0 to 3)");
    };
  }

  public static String describe(int k) {
    return switch (k) {
      case 0, 1 -> "whole space";
      case 2 -> "TLS 1.2, no renegotiation, client closes";
      case 3 -> "TLS 1.2 ECDHE_RSA, no renegotiation, client closes";
      default -> "?";
    };
  }

  private static List<Configuration> tls12NoRenegotiation(KeyExchange kex) {
    return ConfigurationSpace.where(c -> c.clientMax().equals(ProtocolVersion.TLS12)
        && c.renegotiation() == Renegotiation.NONE && c.closer() == Side.CLIENT
        && (kex == null || c.keyExchange() == kex));
  }
}
