package dev.hslab.scenario;

import dev.hslab.actors.NetworkOptions;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a scenario file (docs/scenarios.md) strictly: unknown fields, wrong values, wrong types
 * and impossible combinations are one {@link ScenarioException} naming the file, line, column and
 * field, and what is allowed.
 */
public final class ScenarioReader {

  static final List<String> TOP = List.of("name", "description", "seed", "client", "server", "close", "network", "expect");
  static final List<String> CLIENT = List.of("versions", "kex", "suites", "cert", "resume", "renegotiate",
      "accept-renegotiation", "engine");
  static final List<String> SERVER = List.of("versions", "client-auth", "psk-hint", "renegotiate",
      "accept-renegotiation", "engine");

  private ScenarioReader() {}

  /** Reads {@code path}; errors name it as given. */
  public static Scenario read(Path path) throws ScenarioException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(path.toString(), 0, 0, null, "no such file");
    } catch (IOException e) {
      throw new ScenarioException(path.toString(), 0, 0, null, "cannot read: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    return parse(path.toString(), text);
  }

  /** Reads a scenario from {@code text}; {@code file} is the name errors give. */
  public static Scenario parse(String file, String text) throws ScenarioException {
    Fields top = Fields.root(file, YamlTree.parse(file, text));
    top.allow(TOP);
    String name = top.requiredText("name", "every scenario has a name");
    String description = top.text("description").orElse("");
    long seed = top.integer("seed").orElse(1L);
    Fields client = top.mapping("client").orElse(null);
    Fields server = top.mapping("server").orElse(null);
    if (client != null) {
      client.allow(CLIENT);
    }
    if (server != null) {
      server.allow(SERVER);
    }
    HandshakeConfig config = config(top, client, server, seed);
    Scenario.Peers peers = peers(top, client, server);
    NetworkOptions network = top.mapping("network").isPresent()
        ? NetworkReader.read(top.mapping("network").get()) : NetworkOptions.perfect();
    Fields expect = top.mapping("expect").orElseThrow(() -> top.error("expect",
        "missing (every scenario says what it expects, at least expect: outcome: established|failed)"));
    return new Scenario(file, name, description, config, peers, network, ExpectationReader.read(expect));
  }

  private static HandshakeConfig config(Fields top, Fields client, Fields server, long seed) throws ScenarioException {
    ProtocolVersion[] cv = versions(client);
    ProtocolVersion[] sv = versions(server);
    List<CipherSuite> suites = new ArrayList<>();
    Optional<KeyExchange> kex = client == null ? Optional.empty() : client.choice("kex", Choices.KEY_EXCHANGES);
    if (client != null && client.has("suites")) {
      for (Fields.Item<String> s : client.texts("suites").orElseThrow()) {
        suites.add(CipherSuite.fromIanaName(s.value()).orElseThrow(() -> client.error(s.position(), s.field(),
            "unknown cipher suite '" + s.value() + "' (an IANA name such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)")));
      }
      if (suites.isEmpty()) {
        throw client.error("suites", "is empty (leave it out to offer every suite of client.kex)");
      }
    }
    KeyExchange k = kex.orElse(suites.isEmpty() ? KeyExchange.ECDHE_RSA : null);
    ClientAuth auth = opt(server, f -> f.choice("client-auth", Choices.CLIENT_AUTH)).orElse(ClientAuth.NONE);
    // Like the command line: a client facing a server that requires a certificate has an RSA one unless told.
    ClientCertificate cert = opt(client, f -> f.choice("cert", Choices.CERTIFICATES))
        .orElse(auth == ClientAuth.REQUIRE ? ClientCertificate.RSA : ClientCertificate.NONE);
    Resumption resume = opt(client, f -> f.choice("resume", Choices.RESUMPTIONS)).orElse(Resumption.NONE);
    boolean clientRenegotiates = opt(client, f -> f.bool("renegotiate")).orElse(false);
    boolean serverRenegotiates = opt(server, f -> f.bool("renegotiate")).orElse(false);
    if (clientRenegotiates && serverRenegotiates) {
      throw server.error("renegotiate", "client.renegotiate is true too; one side starts the renegotiation");
    }
    Renegotiation reneg = clientRenegotiates ? Renegotiation.CLIENT
        : serverRenegotiates ? Renegotiation.SERVER : Renegotiation.NONE;
    boolean hint = opt(server, f -> f.bool("psk-hint")).orElse(false);
    HandshakeConfig hc = new HandshakeConfig(cv[0], cv[1], sv[0], sv[1], k, suites, auth, cert, resume, reneg, hint, seed);
    if (hint && hc.effectiveSuites().stream().noneMatch(s -> s.keyExchange().psk())) {
      throw server.error("psk-hint", "only a PSK server sends an identity hint (RFC 4279 §2); client.kex is "
          + (k == null ? "not psk" : k.cliName()));
    }
    List<String> problems = hc.problems();
    if (!problems.isEmpty()) {
      throw impossible(top, client, server, problems.get(0));
    }
    return hc;
  }

  /** Points a {@link HandshakeConfig#problems()} line at the field it is about. */
  private static ScenarioException impossible(Fields top, Fields client, Fields server, String problem) {
    String p = "impossible combination: " + problem;
    if (problem.startsWith("client authentication") && server != null) {
      return server.error("client-auth", p);
    } else if (problem.contains("ticket") && client != null) {
      return client.error("resume", p);
    } else if (problem.startsWith("suite") && client != null && client.has("suites")) {
      return client.error("suites", p);
    } else if (client != null && client.has("kex")) {
      return client.error("kex", p);
    } else if (client != null) {
      return client.error("versions", p);
    }
    return top.error("client", p);
  }

  private static ProtocolVersion[] versions(Fields side) throws ScenarioException {
    Optional<String> t = side == null ? Optional.empty() : side.text("versions");
    if (t.isEmpty()) {
      return new ProtocolVersion[] {ProtocolVersion.TLS12, ProtocolVersion.TLS12};
    }
    String[] parts = t.get().split("-", -1);
    ProtocolVersion[] v = new ProtocolVersion[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = Choices.VERSIONS.get(parts[i]);
    }
    if (parts.length > 2 || java.util.Arrays.asList(v).contains(null)) {
      throw side.error("versions", "unknown value '" + t.get() + "' (allowed: one of "
          + String.join(", ", Choices.VERSIONS.keySet()) + ", or a range such as tls1.0-tls1.2)");
    }
    if (v.length == 1) {
      return new ProtocolVersion[] {v[0], v[0]};
    }
    if (v[0].compareTo(v[1]) > 0) {
      throw side.error("versions", "range '" + t.get() + "' is empty (the lower version comes first)");
    }
    return v;
  }

  private static Scenario.Peers peers(Fields top, Fields client, Fields server) throws ScenarioException {
    return new Scenario.Peers(
        opt(client, f -> f.choice("engine", Choices.ENGINES)).orElse(Scenario.EngineKind.MODEL),
        opt(server, f -> f.choice("engine", Choices.ENGINES)).orElse(Scenario.EngineKind.MODEL),
        opt(client, f -> f.bool("accept-renegotiation")).orElse(true),
        opt(server, f -> f.bool("accept-renegotiation")).orElse(true),
        top.choice("close", Choices.SIDES).orElse(Side.CLIENT));
  }

  /** A field of an optional block. */
  private interface Read<T> {
    Optional<T> from(Fields f) throws ScenarioException;
  }

  private static <T> Optional<T> opt(Fields block, Read<T> read) throws ScenarioException {
    return block == null ? Optional.empty() : read.from(block);
  }
}
