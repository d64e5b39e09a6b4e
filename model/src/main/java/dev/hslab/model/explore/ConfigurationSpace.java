package dev.hslab.model.explore;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The configuration space, the one for the engine, the explorer, the scenarios and the command
 * line, enumerated from the registries rather than listed by hand, in a fixed order (versions, then
 * key exchange, ...). A point is a {@link Configuration}: one connection. The explorer explores
 * {@link #all()} (every legal connection) and {@link #versionRanges}; the commands that run the real
 * engine ({@code faults}, {@code conform}) take the smaller sample of {@link #runs()} and {@link
 * #renegotiations()}, each a one-or-two-connection run given by its last connection ({@code
 * concrete.ConfigMapping} turns it into the run).
 */
public final class ConfigurationSpace {

  /** A client-authentication choice: the server's policy and the client's certificate. */
  public record Authentication(ClientAuth policy, ClientCertificate certificate) {}

  /**
   * A connection's sessions, in the order the explorer reports them: a full handshake, the
   * ticket-issuing first connection of a ticket run, the resumed connection of a session-ID run,
   * the resumed connection of a ticket run.
   */
  private record Sessions(Resumption resumption, boolean resumed) {}

  private static final List<Sessions> SESSIONS = List.of(new Sessions(Resumption.NONE, false),
      new Sessions(Resumption.TICKET, false), new Sessions(Resumption.ID, true), new Sessions(Resumption.TICKET, true));

  private ConfigurationSpace() {}

  /** Every legal configuration where both sides speak exactly one and the same version. */
  public static List<Configuration> all() {
    return where(c -> true);
  }

  /** The legal single-version configurations that {@code filter} keeps, in the space's order. */
  public static List<Configuration> where(Predicate<Configuration> filter) {
    List<Configuration> out = new ArrayList<>();
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      for (KeyExchange kex : keyExchanges(v)) {
        addAll(Configuration.of(v, kex), filter, out);
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

  /**
   * The runs that complete, each given by its last connection (the client closes): every version
   * × key exchange the registry has suites for × {@link #authentications} × {@link #resumptions} ×
   * PSK identity hint or not.
   */
  public static List<Configuration> runs() {
    List<Configuration> out = new ArrayList<>();
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      for (KeyExchange kex : keyExchanges(v)) {
        for (Authentication a : authentications(v, kex)) {
          for (Resumption r : resumptions(v)) {
            for (boolean hint : kex == KeyExchange.PSK ? List.of(false, true) : List.of(false)) {
              out.add(Configuration.of(v, kex).withClientAuth(a.policy(), a.certificate())
                  .withResumption(r, r != Resumption.NONE).withPskHint(hint));
            }
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** Renegotiation started by each side and accepted, for every version and key exchange. */
  public static List<Configuration> renegotiations() {
    List<Configuration> out = new ArrayList<>();
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      for (KeyExchange kex : keyExchanges(v)) {
        for (Renegotiation r : List.of(Renegotiation.CLIENT, Renegotiation.SERVER)) {
          out.add(Configuration.of(v, kex).withRenegotiation(r, true));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The key exchanges {@code v} can carry ({@link Configuration#keyExchangeAllowed}), in registry order. */
  public static List<KeyExchange> keyExchanges(ProtocolVersion v) {
    return List.of(KeyExchange.values()).stream().filter(k -> Configuration.keyExchangeAllowed(k, v)).toList();
  }

  /**
   * The client authentications a run samples: none; requested and declined; required with an RSA
   * or an ECDSA certificate. Only for certificate-authenticated key exchanges, and no ECDSA client
   * certificate in SSL 3.0, whose CertificateRequest has no ecdsa_sign type.
   */
  public static List<Authentication> authentications(ProtocolVersion v, KeyExchange kex) {
    if (!kex.serverCertificate()) {
      return List.of(new Authentication(ClientAuth.NONE, ClientCertificate.NONE));
    }
    List<Authentication> out = new ArrayList<>(List.of(
        new Authentication(ClientAuth.NONE, ClientCertificate.NONE),
        new Authentication(ClientAuth.REQUEST, ClientCertificate.NONE),
        new Authentication(ClientAuth.REQUIRE, ClientCertificate.RSA)));
    if (!v.isSsl3()) {
      out.add(new Authentication(ClientAuth.REQUIRE, ClientCertificate.ECDSA));
    }
    return out;
  }

  /** Full, resumed by ID, or by ticket (TLS only: RFC 5077 is an extension, SSL 3.0 has none). */
  public static List<Resumption> resumptions(ProtocolVersion v) {
    return v.isSsl3() ? List.of(Resumption.NONE, Resumption.ID) : List.of(Resumption.values());
  }

  private static void addAll(Configuration base, Predicate<Configuration> filter, List<Configuration> out) {
    for (ClientAuth auth : ClientAuth.values()) {
      for (ClientCertificate cert : ClientCertificate.values()) {
        for (boolean hint : new boolean[] {false, true}) {
          for (Sessions s : SESSIONS) {
            for (Renegotiation reneg : Renegotiation.values()) {
              for (boolean allowed : new boolean[] {true, false}) {
                for (Side closer : Side.values()) {
                  Configuration c = base.withClientAuth(auth, cert).withPskHint(hint)
                      .withResumption(s.resumption(), s.resumed()).withRenegotiation(reneg, allowed).withCloser(closer);
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
