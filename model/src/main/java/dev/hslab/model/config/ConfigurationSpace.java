package dev.hslab.model.config;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The legal configurations, enumerated from the registries rather than listed by hand: every
 * version × key exchange the registry has suites for × client authentication (none; requested
 * and declined; required with an RSA or an ECDSA certificate — only for certificate-
 * authenticated key exchanges, and no ECDSA client certificate in SSL 3.0, whose
 * CertificateRequest has no ecdsa_sign type) × full / resumed by ID / by ticket (TLS only) × PSK
 * identity hint or not.
 */
public final class ConfigurationSpace {

  /** A client-authentication choice: the server's policy and the client's certificate. */
  public record Authentication(ClientAuth policy, ClientCertificate certificate) {}

  private ConfigurationSpace() {}

  public static List<HandshakeConfig> legal(long seed) {
    List<HandshakeConfig> out = new ArrayList<>();
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      for (KeyExchange kex : keyExchanges(v)) {
        for (Authentication a : authentications(v, kex)) {
          for (Resumption r : resumptions(v)) {
            for (boolean hint : kex == KeyExchange.PSK ? List.of(false, true) : List.of(false)) {
              out.add(HandshakeConfig.of(v, kex).withClientAuth(a.policy(), a.certificate())
                  .withResumption(r).withPskHint(hint).withSeed(seed));
            }
          }
        }
      }
    }
    return out;
  }

  /** Renegotiation started by each side, for every version and key exchange. */
  public static List<HandshakeConfig> renegotiations(long seed) {
    List<HandshakeConfig> out = new ArrayList<>();
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      for (KeyExchange kex : keyExchanges(v)) {
        for (Renegotiation r : List.of(Renegotiation.CLIENT, Renegotiation.SERVER)) {
          out.add(HandshakeConfig.of(v, kex).withRenegotiation(r).withSeed(seed));
        }
      }
    }
    return out;
  }

  public static List<KeyExchange> keyExchanges(ProtocolVersion v) {
    return List.of(KeyExchange.values()).stream().filter(k -> !CipherSuite.of(k, v).isEmpty()).toList();
  }

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

  public static List<Resumption> resumptions(ProtocolVersion v) {
    return v.isSsl3() ? List.of(Resumption.NONE, Resumption.ID) : List.of(Resumption.values());
  }
}
