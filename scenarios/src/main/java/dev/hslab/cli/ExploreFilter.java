package dev.hslab.cli;

import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.Configuration.ClientCert;
import dev.hslab.model.explore.Configuration.Renegotiation;
import dev.hslab.model.explore.Configuration.Resumption;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.record.ProtocolVersion;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The configuration flags read as a filter on the explorer's configuration space (CONTRACT.md: in
 * {@code explore}, {@code faults} and {@code render} a flag left out means all values).
 *
 * <p>{@code --resume id} keeps the full handshake and the resumed one (resumption NONE and ID),
 * {@code --resume ticket} the ticket-issuing full handshake and the resumed one, as {@code run}
 * makes both connections. {@code --suite} narrows to the suites' key exchanges. Without a range
 * flag the space has both sides at one and the same version; with {@code --client-versions} or
 * {@code --server-versions}, a side whose range is left out takes every range.
 */
final class ExploreFilter {

  private ExploreFilter() {}

  static List<Configuration> configurations(ConfigOptions o) throws UsageException {
    Predicate<Configuration> rest = rest(o);
    if (o.clientVersions == null && o.serverVersions == null) {
      ProtocolVersion v = o.version == null ? null : ConfigOptions.parseVersion("--version", o.version);
      List<Configuration> out = ConfigurationSpace.where(c -> rest.test(c) && (v == null || c.clientMax().equals(v)));
      return nonEmpty(out);
    }
    if (o.version != null) {
      throw new UsageException("--version cannot be combined with --client-versions or --server-versions");
    }
    List<ProtocolVersion[]> clientRanges = ranges("--client-versions", o.clientVersions);
    List<ProtocolVersion[]> serverRanges = ranges("--server-versions", o.serverVersions);
    Set<Configuration> out = new LinkedHashSet<>();
    for (Configuration base : ConfigurationSpace.where(rest)) {
      for (ProtocolVersion[] c : clientRanges) {
        for (ProtocolVersion[] s : serverRanges) {
          Configuration cfg = base.withVersions(c[0], c[1], s[0], s[1]);
          if (cfg.legal()) {
            out.add(cfg);
          }
        }
      }
    }
    return nonEmpty(new ArrayList<>(out));
  }

  private static List<Configuration> nonEmpty(List<Configuration> out) throws UsageException {
    if (out.isEmpty()) {
      throw new UsageException("no legal configuration matches these flags");
    }
    return out;
  }

  /** The given range, or every range when the flag is left out. */
  private static List<ProtocolVersion[]> ranges(String flag, String text) throws UsageException {
    if (text != null) {
      return List.<ProtocolVersion[]>of(ConfigOptions.parseRange(flag, text));
    }
    List<ProtocolVersion> vs = ProtocolVersion.SUPPORTED;
    List<ProtocolVersion[]> out = new ArrayList<>();
    for (int a = 0; a < vs.size(); a++) {
      for (int b = a; b < vs.size(); b++) {
        out.add(new ProtocolVersion[] {vs.get(a), vs.get(b)});
      }
    }
    return out;
  }

  /** Everything but the versions. */
  private static Predicate<Configuration> rest(ConfigOptions o) throws UsageException {
    Set<KeyExchange> kexes = EnumSet.allOf(KeyExchange.class);
    if (o.kex != null) {
      kexes = EnumSet.of(ConfigOptions.parseEnum("--kex", o.kex, KeyExchange.class));
    }
    if (!o.suites.isEmpty()) {
      Set<KeyExchange> bySuite = EnumSet.noneOf(KeyExchange.class);
      for (String s : o.suites) {
        bySuite.add(CipherSuite.fromIanaName(s).orElseThrow(() -> new UsageException(
            "--suite: unknown cipher suite '" + s + "' (an IANA name such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)"))
            .keyExchange());
      }
      kexes.retainAll(bySuite);
    }
    Set<KeyExchange> k = kexes;
    ClientAuth auth = o.clientAuth == null ? null : ConfigOptions.parseEnum("--client-auth", o.clientAuth, ClientAuth.class);
    ClientCert cert = o.clientCert == null ? null : ConfigOptions.parseEnum("--client-cert", o.clientCert, ClientCert.class);
    Set<Resumption> resume = o.resume == null ? EnumSet.allOf(Resumption.class) : switch (
        ConfigOptions.parseEnum("--resume", o.resume, dev.hslab.model.config.Resumption.class)) {
      case NONE -> EnumSet.of(Resumption.NONE);
      case ID -> EnumSet.of(Resumption.NONE, Resumption.ID);
      case TICKET -> EnumSet.of(Resumption.TICKET_ISSUED, Resumption.TICKET);
    };
    Renegotiation reneg = o.renegotiate == null ? null
        : ConfigOptions.parseEnum("--renegotiate", o.renegotiate, Renegotiation.class);
    boolean hint = o.pskHint;
    return c -> k.contains(c.keyExchange())
        && (auth == null || c.clientAuth() == auth)
        && (cert == null || c.clientCert() == cert)
        && resume.contains(c.resumption())
        && (reneg == null || c.renegotiation() == reneg)
        && (!hint || c.pskHint());
  }
}
