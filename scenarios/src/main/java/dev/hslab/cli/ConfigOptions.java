package dev.hslab.cli;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The configuration flags of docs/cli.md, shared by run, explore, faults, deviate, render, connect, serve. */
final class ConfigOptions {

  @Option(names = "--protocol", paramLabel = "P", completionCandidates = ProtocolNames.class,
      description = "tls (default) or dtls (RFC 6347: versions dtls1.0, dtls1.2)")
  String protocol;

  @Option(names = "--version", paramLabel = "V", completionCandidates = VersionNames.class, description = "ssl3, tls1.0, tls1.1, tls1.2 (with --protocol dtls: dtls1.0, dtls1.2): both sides exactly V")
  String version;

  @Option(names = "--client-versions", paramLabel = "A-B", completionCandidates = VersionNames.class, description = "the client's range, e.g. tls1.0-tls1.2")
  String clientVersions;

  @Option(names = "--server-versions", paramLabel = "A-B", completionCandidates = VersionNames.class, description = "the server's range")
  String serverVersions;

  @Option(names = "--kex", paramLabel = "K", completionCandidates = KexNames.class,
      description = "rsa, dhe_rsa, ecdhe_rsa, ecdhe_ecdsa, dh_anon, ecdh_anon, psk, ecdhe_psk")
  String kex;

  @Option(names = "--suite", paramLabel = "NAME", completionCandidates = SuiteNames.class, description = "an IANA cipher-suite name (repeatable: the offer, in order)")
  List<String> suites = new ArrayList<>();

  @Option(names = "--client-auth", paramLabel = "P", completionCandidates = ClientAuthNames.class, description = "none, request, require (server policy)")
  String clientAuth;

  @Option(names = "--client-cert", paramLabel = "C", completionCandidates = ClientCertNames.class, description = "none, rsa, ecdsa")
  String clientCert;

  @Option(names = "--resume", paramLabel = "R", completionCandidates = ResumeNames.class, description = "none, id, ticket (a full handshake, then a resumed one)")
  String resume;

  @Option(names = "--renegotiate", paramLabel = "W", completionCandidates = RenegotiateNames.class, description = "none, client, server")
  String renegotiate;

  @Option(names = "--psk-hint", description = "a PSK server sends an identity hint")
  boolean pskHint;

  @Option(names = "--seed", paramLabel = "N", description = "the simulation seed (default ${DEFAULT-VALUE})", defaultValue = "1")
  long seed;

  /** The configuration these flags describe, with the reference handshake's defaults for what is left out. */
  HandshakeConfig toConfig() throws UsageException {
    tlsOnly();
    return toConfig(Optional.of(KeyExchange.ECDHE_RSA));
  }

  /** As {@link #toConfig}, for a command that speaks DTLS too: {@code --protocol dtls} gives a DTLS configuration. */
  HandshakeConfig toConfigAnyProtocol() throws UsageException {
    return toConfig(Optional.of(KeyExchange.ECDHE_RSA));
  }

  /** Whether {@code --protocol} says DTLS; one line (exit 2) for anything but tls or dtls. */
  boolean dtls() throws UsageException {
    if (protocol == null || protocol.equalsIgnoreCase("tls")) {
      return false;
    }
    if (protocol.equalsIgnoreCase("dtls")) {
      return true;
    }
    throw new UsageException("--protocol: unknown value '" + protocol + "' (allowed: tls, dtls)");
  }

  /**
   * One line (exit 2) for {@code --protocol dtls} on a command that does not speak DTLS yet
   * (issue 19 brings it command by command; docs/dtls.md says which).
   */
  void tlsOnly() throws UsageException {
    if (dtls()) {
      throw new UsageException("--protocol dtls: this command does not speak DTLS yet (run, sweep and render states do)");
    }
  }

  /**
   * As {@link #toConfig}, but without {@code --kex} or {@code --suite} the client offers what a
   * client offers a server it does not know: every authenticated suite the versions can carry,
   * strongest first ({@link dev.hslab.model.engine.EngineConfigBuilder#DEFAULT_SUITES}: ECDHE
   * before DHE before RSA key exchange, AEAD before CBC). {@code --kex} and {@code --suite} narrow it.
   */
  HandshakeConfig toClientConfig() throws UsageException {
    tlsOnly();
    return toConfig(Optional.empty());
  }

  /** @param unnamed the key exchange when no flag names one; empty: every default suite */
  private HandshakeConfig toConfig(Optional<KeyExchange> unnamed) throws UsageException {
    boolean dtls = dtls();
    ProtocolVersion top = dtls ? ProtocolVersion.DTLS12 : ProtocolVersion.TLS12;
    ProtocolVersion[] client = {top, top};
    ProtocolVersion[] server = {top, top};
    if (version != null) {
      ProtocolVersion v = parseVersion("--version", version, dtls);
      client = new ProtocolVersion[] {v, v};
      server = new ProtocolVersion[] {v, v};
    }
    if (clientVersions != null) {
      client = parseRange("--client-versions", clientVersions, dtls);
    }
    if (serverVersions != null) {
      server = parseRange("--server-versions", serverVersions, dtls);
    }
    KeyExchange k = kex == null ? (suites.isEmpty() ? unnamed.orElse(null) : null) : parseEnum("--kex", kex, KeyExchange.class);
    List<CipherSuite> offer = new ArrayList<>();
    for (String s : suites) {
      offer.add(CipherSuite.fromIanaName(s).orElseThrow(() -> new UsageException(
          "--suite: unknown cipher suite '" + s + "' (an IANA name such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)")));
    }
    ClientAuth auth = clientAuth == null ? ClientAuth.NONE : parseEnum("--client-auth", clientAuth, ClientAuth.class);
    ClientCertificate cert = clientCert == null
        ? (auth == ClientAuth.REQUIRE ? ClientCertificate.RSA : ClientCertificate.NONE)
        : parseEnum("--client-cert", clientCert, ClientCertificate.class);
    Resumption r = resume == null ? Resumption.NONE : parseEnum("--resume", resume, Resumption.class);
    Renegotiation w = renegotiate == null ? Renegotiation.NONE : parseEnum("--renegotiate", renegotiate, Renegotiation.class);
    HandshakeConfig hc = new HandshakeConfig(client[0], client[1], server[0], server[1], k, offer, auth, cert, r, w,
        pskHint, seed);
    List<String> problems = hc.problems();
    if (!problems.isEmpty()) {
      throw new UsageException("impossible configuration: " + problems.get(0));
    }
    return hc;
  }

  static ProtocolVersion parseVersion(String flag, String text) throws UsageException {
    return parseVersion(flag, text, false);
  }

  /** A version of TLS, or of DTLS when {@code dtls}; a version of the other protocol says which flag it needs. */
  static ProtocolVersion parseVersion(String flag, String text, boolean dtls) throws UsageException {
    String name = text.toLowerCase(Locale.ROOT);
    for (ProtocolVersion v : dtls ? ProtocolVersion.DTLS : ProtocolVersion.SUPPORTED) {
      if (v.cliName().equals(name)) {
        return v;
      }
    }
    for (ProtocolVersion v : dtls ? ProtocolVersion.SUPPORTED : ProtocolVersion.DTLS) {
      if (v.cliName().equals(name)) {
        throw new UsageException(flag + ": " + name + (dtls ? " is a TLS version, not for --protocol dtls (allowed: dtls1.0, dtls1.2)"
            : " is a DTLS version: add --protocol dtls"));
      }
    }
    throw new UsageException(flag + ": unknown version '" + text + "' (allowed: "
        + (dtls ? "dtls1.0, dtls1.2" : "ssl3, tls1.0, tls1.1, tls1.2") + ")");
  }

  static ProtocolVersion[] parseRange(String flag, String text) throws UsageException {
    return parseRange(flag, text, false);
  }

  static ProtocolVersion[] parseRange(String flag, String text, boolean dtls) throws UsageException {
    String[] parts = text.split("-", -1);
    if (parts.length == 1) {
      ProtocolVersion v = parseVersion(flag, parts[0], dtls);
      return new ProtocolVersion[] {v, v};
    }
    if (parts.length != 2) {
      throw new UsageException(flag + ": expected a range A-B such as tls1.0-tls1.2, got '" + text + "'");
    }
    ProtocolVersion a = parseVersion(flag, parts[0], dtls);
    ProtocolVersion b = parseVersion(flag, parts[1], dtls);
    if (a.compareTo(b) > 0) {
      throw new UsageException(flag + ": range '" + text + "' is empty (the lower bound comes first)");
    }
    return new ProtocolVersion[] {a, b};
  }

  static <E extends Enum<E>> E parseEnum(String flag, String text, Class<E> type) throws UsageException {
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    String allowed = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    throw new UsageException(flag + ": unknown value '" + text + "' (allowed: " + allowed + ")");
  }

  // Tab completion (hslab completion) offers exactly the words the parsers above accept, from the
  // same vocabulary: picocli instantiates a candidates class by its no-argument constructor.

  /** The words {@link #parseEnum} accepts for {@code type}. */
  private static class EnumNames<E extends Enum<E>> implements Iterable<String> {
    private final Class<E> type;

    EnumNames(Class<E> type) {
      this.type = type;
    }

    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).iterator();
    }
  }

  static final class KexNames extends EnumNames<KeyExchange> {
    KexNames() {
      super(KeyExchange.class);
    }
  }

  static final class ClientAuthNames extends EnumNames<ClientAuth> {
    ClientAuthNames() {
      super(ClientAuth.class);
    }
  }

  static final class ClientCertNames extends EnumNames<ClientCertificate> {
    ClientCertNames() {
      super(ClientCertificate.class);
    }
  }

  static final class ResumeNames extends EnumNames<Resumption> {
    ResumeNames() {
      super(Resumption.class);
    }
  }

  static final class RenegotiateNames extends EnumNames<Renegotiation> {
    RenegotiateNames() {
      super(Renegotiation.class);
    }
  }

  /** The versions {@link #parseVersion} accepts, TLS's then DTLS's. */
  static final class VersionNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return java.util.stream.Stream.concat(ProtocolVersion.SUPPORTED.stream(), ProtocolVersion.DTLS.stream())
          .map(ProtocolVersion::cliName).iterator();
    }
  }

  /** The values of {@code --protocol}. */
  static final class ProtocolNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("tls", "dtls").iterator();
    }
  }

  /** Every IANA cipher-suite name {@code --suite} accepts. */
  static final class SuiteNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(CipherSuite.values()).map(CipherSuite::ianaName).iterator();
    }
  }
}
