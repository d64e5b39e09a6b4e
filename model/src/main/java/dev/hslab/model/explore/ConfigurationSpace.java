package dev.hslab.model.explore;

import dev.hslab.model.explore.Configuration.ClientCert;
import dev.hslab.model.explore.Configuration.Renegotiation;
import dev.hslab.model.explore.Configuration.Resumption;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The configuration space: every legal combination, in a fixed order (versions, then key exchange, ...). */
public final class ConfigurationSpace {

  private ConfigurationSpace() {}

  /** Every legal configuration where both sides speak exactly one and the same version. */
  public static List<Configuration> all() {
    return where(c -> true);
  }

  /** The legal single-version configurations that {@code filter} keeps, in the space's order. */
  public static List<Configuration> where(Predicate<Configuration> filter) {
    List<Configuration> out = new ArrayList<>();
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      for (KeyExchange kex : KeyExchange.values()) {
        if (Configuration.keyExchangeAllowed(kex, v)) {
          addAll(Configuration.of(v, kex), filter, out);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Version negotiation (RFC 5246 Appendix E.1): the client and the server each support a range,
   * every pair of ranges for one key exchange, with no client authentication or sessions.
   */
  public static List<Configuration> versionRanges(KeyExchange kex) {
    List<ProtocolVersion> vs = ProtocolVersion.SUPPORTED;
    List<Configuration> out = new ArrayList<>();
    for (int a = 0; a < vs.size(); a++) {
      for (int b = a; b < vs.size(); b++) {
        for (int c = 0; c < vs.size(); c++) {
          for (int d = c; d < vs.size(); d++) {
            Configuration cfg = Configuration.of(vs.get(b), kex).withVersions(vs.get(a), vs.get(b), vs.get(c), vs.get(d));
            if (cfg.legal()) {
              out.add(cfg);
            }
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static void addAll(Configuration base, Predicate<Configuration> filter, List<Configuration> out) {
    for (ClientAuth auth : ClientAuth.values()) {
      for (ClientCert cert : ClientCert.values()) {
        for (boolean hint : new boolean[] {false, true}) {
          for (Resumption r : Resumption.values()) {
            for (Renegotiation reneg : Renegotiation.values()) {
              for (boolean allowed : new boolean[] {true, false}) {
                for (Side closer : Side.values()) {
                  Configuration c = base.withClientAuth(auth, cert).withPskHint(hint).withResumption(r)
                      .withRenegotiation(reneg, allowed).withCloser(closer);
                  if (c.legal() && filter.test(c)) {
                    out.add(c);
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
