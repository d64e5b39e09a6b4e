package dev.hslab.cli;

import dev.hslab.model.concrete.ConfigMapping;
import dev.hslab.model.config.HandshakeConfig;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The configuration flags as one filter on the {@link ConfigurationSpace}, for every command that
 * selects from it (explore, render, faults, conform): a flag left out means all its values
 * (docs/cli.md). The flags are parsed once, here. {@code --suite} keeps the key exchanges of the
 * suites named (the space holds key exchanges, not suites); {@code --psk-hint} keeps only
 * configurations with a hint; {@code --client-versions} and {@code --server-versions} keep the
 * configurations whose sides have exactly that range, and make {@code explore} and {@code render}
 * explore the space's version ranges instead of its single versions.
 *
 * <p>The flags describe a run. {@link #runs} keeps the runs they describe; {@link #connections}
 * keeps every connection of those runs, which for {@code --resume id} includes its first, plain
 * full handshake (written {@code resume=none} in the space's canonical form).
 */
final class ConfigFilter {

  private final ProtocolVersion version;
  private final ProtocolVersion[] client;
  private final ProtocolVersion[] server;
  private final Set<KeyExchange> kexes;
  private final ClientAuth auth;
  private final ClientCertificate cert;
  private final Resumption resume;
  private final Renegotiation renegotiate;
  private final boolean pskHint;

  private ConfigFilter(ConfigOptions o) throws UsageException {
    o.tlsOnly();
    version = o.version == null ? null : ConfigOptions.parseVersion("--version", o.version);
    Set<KeyExchange> k = o.kex == null ? null : Set.of(ConfigOptions.parseEnum("--kex", o.kex, KeyExchange.class));
    if (!o.suites.isEmpty()) {
      Set<KeyExchange> fromSuites = new LinkedHashSet<>();
      for (String s : o.suites) {
        fromSuites.add(CipherSuite.fromIanaName(s).orElseThrow(() -> new UsageException(
            "--suite: unknown cipher suite '" + s + "' (an IANA name such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)"))
            .keyExchange());
      }
      if (k != null) {
        fromSuites.retainAll(k);
      }
      k = fromSuites;
    }
    kexes = k;
    auth = o.clientAuth == null ? null : ConfigOptions.parseEnum("--client-auth", o.clientAuth, ClientAuth.class);
    cert = o.clientCert == null ? null : ConfigOptions.parseEnum("--client-cert", o.clientCert, ClientCertificate.class);
    resume = o.resume == null ? null : ConfigOptions.parseEnum("--resume", o.resume, Resumption.class);
    renegotiate = o.renegotiate == null ? null
        : ConfigOptions.parseEnum("--renegotiate", o.renegotiate, Renegotiation.class);
    pskHint = o.pskHint;
    client = o.clientVersions == null ? null : ConfigOptions.parseRange("--client-versions", o.clientVersions);
    server = o.serverVersions == null ? null : ConfigOptions.parseRange("--server-versions", o.serverVersions);
  }

  /** The filter the flags of {@code o} describe. */
  static ConfigFilter of(ConfigOptions o) throws UsageException {
    return new ConfigFilter(o);
  }

  /**
   * The connections of the runs the flags keep ({@code explore}, {@code render}): the space's
   * single-version configurations, or its version ranges when a range flag is given.
   */
  List<Configuration> connections() throws UsageException {
    List<Configuration> space;
    if (client == null && server == null) {
      space = ConfigurationSpace.all();
    } else {
      space = new ArrayList<>();
      for (KeyExchange k : KeyExchange.values()) {
        if (kexes == null || kexes.contains(k)) {
          space.addAll(ConfigurationSpace.versionRanges(k));
        }
      }
    }
    List<Configuration> out = space.stream().filter(c -> keeps(c, true)).toList();
    if (out.isEmpty()) {
      throw new UsageException("no configuration of the explorer's space matches these flags");
    }
    return out;
  }

  /**
   * The runs of the space's {@link ConfigurationSpace#runs()} and {@link
   * ConfigurationSpace#renegotiations()} the flags keep ({@code faults}), each with {@code seed}.
   */
  List<HandshakeConfig> runs(long seed) throws UsageException {
    List<Configuration> space = new ArrayList<>(ConfigurationSpace.runs());
    space.addAll(ConfigurationSpace.renegotiations());
    List<HandshakeConfig> out = runs(space, seed);
    if (out.isEmpty()) {
      throw new UsageException("no legal configuration matches these flags");
    }
    return out;
  }

  /** The runs of {@code lastConnections} (runs, each given by its last connection) the flags keep; perhaps none. */
  List<HandshakeConfig> runs(List<Configuration> lastConnections, long seed) {
    return ConfigMapping.runs(lastConnections.stream().filter(c -> keeps(c, false)).toList(), seed);
  }

  private boolean keeps(Configuration c, boolean anyConnection) {
    return (version == null || c.clientMax().equals(version) && c.serverMax().equals(version))
        && (client == null || c.clientMin().equals(client[0]) && c.clientMax().equals(client[1]))
        && (server == null || c.serverMin().equals(server[0]) && c.serverMax().equals(server[1]))
        && (kexes == null || kexes.contains(c.keyExchange()))
        && (auth == null || c.clientAuth() == auth)
        && (cert == null || c.clientCertificate() == cert)
        && (resume == null || c.resumption() == resume
            // --resume id is two connections: a plain full handshake, then the resumed one.
            || anyConnection && resume == Resumption.ID && c.resumption() == Resumption.NONE)
        && (renegotiate == null || c.renegotiation() == renegotiate)
        && (!pskHint || c.pskHint());
  }
}
