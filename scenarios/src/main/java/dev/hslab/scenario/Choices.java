package dev.hslab.scenario;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.ClientState;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.ServerState;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The allowed values of the scenario fields, by their docs/cli.md names, in a stable order. */
final class Choices {

  static final Map<String, ProtocolVersion> VERSIONS = by(ProtocolVersion.SUPPORTED.toArray(ProtocolVersion[]::new),
      ProtocolVersion::cliName);
  static final Map<String, KeyExchange> KEY_EXCHANGES = by(KeyExchange.values(), KeyExchange::cliName);
  static final Map<String, ClientCertificate> CERTIFICATES = by(ClientCertificate.values(), ClientCertificate::cliName);
  static final Map<String, ClientAuth> CLIENT_AUTH = by(ClientAuth.values(), ClientAuth::cliName);
  static final Map<String, Resumption> RESUMPTIONS = by(Resumption.values(), Resumption::cliName);
  static final Map<String, Scenario.EngineKind> ENGINES = by(Scenario.EngineKind.values(), Scenario.EngineKind::cliName);
  static final Map<String, Side> SIDES = by(Side.values(), Side::label);
  static final Map<String, Expectation.Expected> OUTCOMES = by(Expectation.Expected.values(), Expectation.Expected::label);
  static final Map<String, String> ALERTS = by(
      Arrays.stream(AlertDescription.values()).map(AlertDescription::rfcName).toArray(String[]::new), s -> s);
  static final Map<String, String> CLIENT_STATES = by(
      Arrays.stream(ClientState.values()).map(Enum::name).toArray(String[]::new), s -> s);
  static final Map<String, String> SERVER_STATES = by(
      Arrays.stream(ServerState.values()).map(Enum::name).toArray(String[]::new), s -> s);

  private Choices() {}

  private static <E> Map<String, E> by(E[] values, Function<E, String> name) {
    Map<String, E> m = new LinkedHashMap<>();
    for (E e : values) {
      m.put(name.apply(e), e);
    }
    return m;
  }
}
