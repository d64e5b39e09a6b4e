package dev.hslab.cli;

import dev.hslab.model.config.ConfigurationSpace;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.Renegotiation;
import java.util.ArrayList;
import java.util.List;

/**
 * The legal configurations the flags select, where a flag left out means all its values
 * (docs/cli.md, for explore, faults and render): {@link ConfigurationSpace} filtered by each flag
 * that was given.
 */
final class ConfigFilter {

  private ConfigFilter() {}

  static List<HandshakeConfig> select(ConfigOptions o) throws UsageException {
    List<HandshakeConfig> all = new ArrayList<>(ConfigurationSpace.legal(o.seed));
    all.addAll(ConfigurationSpace.renegotiations(o.seed));
    List<HandshakeConfig> out = new ArrayList<>();
    for (HandshakeConfig hc : all) {
      if (matches(o, hc)) {
        out.add(hc);
      }
    }
    if (out.isEmpty()) {
      throw new UsageException("no legal configuration matches these flags");
    }
    return out;
  }

  private static boolean matches(ConfigOptions o, HandshakeConfig hc) throws UsageException {
    if (o.version != null && !ConfigOptions.parseVersion("--version", o.version).equals(hc.clientMax())) {
      return false;
    }
    if (o.kex != null && ConfigOptions.parseEnum("--kex", o.kex, dev.hslab.model.suite.KeyExchange.class) != hc.keyExchange()) {
      return false;
    }
    if (o.clientAuth != null
        && ConfigOptions.parseEnum("--client-auth", o.clientAuth, dev.hslab.model.handshake.ClientAuth.class) != hc.clientAuth()) {
      return false;
    }
    if (o.clientCert != null && ConfigOptions.parseEnum("--client-cert", o.clientCert,
        dev.hslab.model.handshake.ClientCertificate.class) != hc.clientCertificate()) {
      return false;
    }
    if (o.resume != null
        && ConfigOptions.parseEnum("--resume", o.resume, dev.hslab.model.handshake.Resumption.class) != hc.resumption()) {
      return false;
    }
    Renegotiation r = o.renegotiate == null ? null : ConfigOptions.parseEnum("--renegotiate", o.renegotiate, Renegotiation.class);
    if (r != null && r != hc.renegotiation()) {
      return false;
    }
    return !o.pskHint || hc.pskHint();
  }
}
