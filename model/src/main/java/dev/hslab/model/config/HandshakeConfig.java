package dev.hslab.model.config;

import dev.hslab.model.engine.EngineConfigBuilder;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run, as the command line and scenario files give it (docs/cli.md configuration flags):
 * versions of each side, the key exchange or the exact suite offer, client authentication,
 * resumption, renegotiation and the seed. A run is one connection, or two with resumption; the
 * points of the configuration space ({@code explore.ConfigurationSpace}) are connections, and
 * {@code concrete.ConfigMapping} relates the two.
 *
 * @param suites the client's offer in order; empty means every suite of {@code keyExchange} (or
 *     every default suite when that is null too) that the versions can carry
 * @param pskHint a PSK server sends an identity hint (RFC 4279 §2)
 */
public record HandshakeConfig(
    ProtocolVersion clientMin,
    ProtocolVersion clientMax,
    ProtocolVersion serverMin,
    ProtocolVersion serverMax,
    KeyExchange keyExchange,
    List<CipherSuite> suites,
    ClientAuth clientAuth,
    ClientCertificate clientCertificate,
    Resumption resumption,
    Renegotiation renegotiation,
    boolean pskHint,
    long seed) {

  public HandshakeConfig {
    suites = List.copyOf(suites);
  }

  /** Both sides exactly {@code v}, key exchange {@code kex}, nothing else. */
  public static HandshakeConfig of(ProtocolVersion v, KeyExchange kex) {
    return new HandshakeConfig(v, v, v, v, kex, List.of(), ClientAuth.NONE, ClientCertificate.NONE, Resumption.NONE,
        Renegotiation.NONE, false, 1);
  }

  /** The reference handshake: TLS 1.2, ECDHE_RSA, no client authentication. */
  public static HandshakeConfig reference() {
    return of(ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA);
  }

  public HandshakeConfig withClientAuth(ClientAuth policy, ClientCertificate cert) {
    return new HandshakeConfig(clientMin, clientMax, serverMin, serverMax, keyExchange, suites, policy, cert, resumption,
        renegotiation, pskHint, seed);
  }

  public HandshakeConfig withResumption(Resumption r) {
    return new HandshakeConfig(clientMin, clientMax, serverMin, serverMax, keyExchange, suites, clientAuth,
        clientCertificate, r, renegotiation, pskHint, seed);
  }

  public HandshakeConfig withRenegotiation(Renegotiation r) {
    return new HandshakeConfig(clientMin, clientMax, serverMin, serverMax, keyExchange, suites, clientAuth,
        clientCertificate, resumption, r, pskHint, seed);
  }

  public HandshakeConfig withPskHint(boolean hint) {
    return new HandshakeConfig(clientMin, clientMax, serverMin, serverMax, keyExchange, suites, clientAuth,
        clientCertificate, resumption, renegotiation, hint, seed);
  }

  public HandshakeConfig withSeed(long s) {
    return new HandshakeConfig(clientMin, clientMax, serverMin, serverMax, keyExchange, suites, clientAuth,
        clientCertificate, resumption, renegotiation, pskHint, s);
  }

  /** Whether this is a DTLS configuration (RFC 6347): its versions are DTLS versions. */
  public boolean dtls() {
    return clientMin.isDtls();
  }

  /** The versions of {@code v}'s protocol, oldest first. */
  private static List<ProtocolVersion> versionsOf(ProtocolVersion v) {
    return v.isDtls() ? ProtocolVersion.DTLS : ProtocolVersion.SUPPORTED;
  }

  /** The client's offer: the explicit suites, else the key exchange's suites strongest first. */
  public List<CipherSuite> effectiveSuites() {
    if (!suites.isEmpty()) {
      return suites;
    }
    List<CipherSuite> pool = keyExchange == null ? EngineConfigBuilder.DEFAULT_SUITES
        : EngineConfigBuilder.byPreference(List.of(CipherSuite.values())).stream()
            .filter(s -> s.keyExchange() == keyExchange).toList();
    List<CipherSuite> out = new ArrayList<>();
    for (CipherSuite s : pool) {
      if (versionsOf(clientMin).stream().anyMatch(v -> v.compareTo(clientMin) >= 0 && v.compareTo(clientMax) <= 0
          && s.supportedBy(v))) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparingInt(pool::indexOf));
    return out;
  }

  /**
   * What makes this configuration impossible to run, in one line each (docs/cli.md exit code 2):
   * client authentication with an anonymous or PSK key exchange, a suite no configured version
   * can carry, tickets over SSL 3.0 (no extensions).
   */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (Stream.of(clientMax, serverMin, serverMax).anyMatch(v -> v.isDtls() != clientMin.isDtls())) {
      p.add("DTLS and TLS versions mixed: both sides speak one protocol");
    } else if (clientMin.compareTo(clientMax) > 0 || serverMin.compareTo(serverMax) > 0) {
      p.add("version range is empty");
    }
    for (CipherSuite s : suites) {
      boolean carried = versionsOf(clientMin).stream()
          .anyMatch(v -> v.compareTo(clientMin) >= 0 && v.compareTo(clientMax) <= 0 && s.supportedBy(v));
      if (!carried) {
        p.add("suite " + s + " needs " + s.minVersion().displayName() + " or later, the client offers "
            + clientMin.displayName() + (clientMin.equals(clientMax) ? "" : "-" + clientMax.displayName()));
      }
      if (keyExchange != null && s.keyExchange() != keyExchange) {
        p.add("suite " + s + " is not a " + keyExchange.cliName() + " suite");
      }
    }
    if (suites.isEmpty() && effectiveSuites().isEmpty()) {
      p.add("no " + (keyExchange == null ? "" : keyExchange.cliName() + " ") + "suite exists for "
          + clientMin.displayName() + (clientMin.equals(clientMax) ? "" : "-" + clientMax.displayName()));
    }
    List<KeyExchange> kexes = keyExchange != null ? List.of(keyExchange)
        : effectiveSuites().stream().map(CipherSuite::keyExchange).distinct().toList();
    if (clientAuth != ClientAuth.NONE && !kexes.isEmpty() && kexes.stream().noneMatch(KeyExchange::serverCertificate)) {
      // RFC 5246 §7.4.4: an anonymous server must not request a certificate; RFC 4279 §2: nor a PSK one.
      p.add("client authentication needs a certificate-authenticated key exchange, not " + kexes.get(0).cliName());
    }
    if (resumption == Resumption.TICKET && clientMax.isSsl3()) {
      p.add("session tickets need TLS (RFC 5077 is an extension); SSL 3.0 has none");
    }
    return p;
  }
}
