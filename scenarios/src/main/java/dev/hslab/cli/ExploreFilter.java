package dev.hslab.cli;

import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The configuration flags as a filter on the explorer's configuration space: in {@code explore} a
 * flag left out means all values (docs/cli.md). Reads {@link ConfigOptions}' fields directly, null
 * when a flag is absent. {@code --suite} keeps the key exchanges of the suites named (the explorer
 * models key exchanges, not suites); {@code --psk-hint} keeps only configurations with a hint.
 */
final class ExploreFilter {

  private ExploreFilter() {}

  static List<Configuration> configurations(ConfigOptions o) throws UsageException {
    Predicate<Configuration> keep = c -> true;
    if (o.version != null) {
      ProtocolVersion v = ConfigOptions.parseVersion("--version", o.version);
      keep = keep.and(c -> c.clientMax().equals(v) && c.serverMax().equals(v));
    }
    Set<KeyExchange> kexes = null;
    if (o.kex != null) {
      kexes = Set.of(ConfigOptions.parseEnum("--kex", o.kex, KeyExchange.class));
    }
    if (!o.suites.isEmpty()) {
      List<KeyExchange> fromSuites = new ArrayList<>();
      for (String s : o.suites) {
        fromSuites.add(CipherSuite.fromIanaName(s).orElseThrow(() -> new UsageException(
            "--suite: unknown cipher suite '" + s + "' (an IANA name such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)"))
            .keyExchange());
      }
      Set<KeyExchange> s = Set.copyOf(fromSuites);
      kexes = kexes == null ? s : kexes.stream().filter(s::contains).collect(Collectors.toSet());
    }
    if (kexes != null) {
      Set<KeyExchange> k = kexes;
      keep = keep.and(c -> k.contains(c.keyExchange()));
    }
    if (o.clientAuth != null) {
      ClientAuth a = ConfigOptions.parseEnum("--client-auth", o.clientAuth, ClientAuth.class);
      keep = keep.and(c -> c.clientAuth() == a);
    }
    if (o.clientCert != null) {
      ClientCertificate cc = ConfigOptions.parseEnum("--client-cert", o.clientCert, ClientCertificate.class);
      keep = keep.and(c -> c.clientCert().name().equals(cc.name()));
    }
    if (o.resume != null) {
      Resumption r = ConfigOptions.parseEnum("--resume", o.resume, Resumption.class);
      // --resume id|ticket is two connections: the explorer's first (NONE, TICKET_ISSUED) and second (ID, TICKET).
      Set<Configuration.Resumption> rs = switch (r) {
        case NONE -> Set.of(Configuration.Resumption.NONE);
        case ID -> Set.of(Configuration.Resumption.NONE, Configuration.Resumption.ID);
        case TICKET -> Set.of(Configuration.Resumption.TICKET_ISSUED, Configuration.Resumption.TICKET);
      };
      keep = keep.and(c -> rs.contains(c.resumption()));
    }
    if (o.renegotiate != null) {
      Renegotiation w = ConfigOptions.parseEnum("--renegotiate", o.renegotiate, Renegotiation.class);
      keep = keep.and(c -> c.renegotiation().name().equals(w.name()));
    }
    if (o.pskHint) {
      keep = keep.and(Configuration::pskHint);
    }
    List<Configuration> out;
    if (o.clientVersions != null || o.serverVersions != null) {
      out = versionRanges(o, kexes, keep);
    } else {
      out = ConfigurationSpace.where(keep);
    }
    if (out.isEmpty()) {
      throw new UsageException("no configuration of the explorer's space matches these flags");
    }
    return out;
  }

  /** Version ranges: the explorer's range configurations (no client authentication or sessions). */
  private static List<Configuration> versionRanges(ConfigOptions o, Set<KeyExchange> kexes, Predicate<Configuration> keep)
      throws UsageException {
    ProtocolVersion[] client = o.clientVersions == null ? null : ConfigOptions.parseRange("--client-versions", o.clientVersions);
    ProtocolVersion[] server = o.serverVersions == null ? null : ConfigOptions.parseRange("--server-versions", o.serverVersions);
    List<Configuration> out = new ArrayList<>();
    for (KeyExchange k : KeyExchange.values()) {
      if (kexes != null && !kexes.contains(k)) {
        continue;
      }
      for (Configuration c : ConfigurationSpace.versionRanges(k)) {
        boolean fits = (client == null || c.clientMin().equals(client[0]) && c.clientMax().equals(client[1]))
            && (server == null || c.serverMin().equals(server[0]) && c.serverMax().equals(server[1]));
        if (fits && keep.test(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }
}
