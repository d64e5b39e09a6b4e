package dev.hslab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.actors.Latency;
import dev.hslab.actors.Partition;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Bad scenario files give exactly one line naming the file, line, column, field and what is allowed. */
class ScenarioReaderTest {

  private static final String EXPECT = "expect:\n  outcome: established\n";

  private static String error(String text) {
    try {
      ScenarioReader.parse("bad.yaml", text);
    } catch (ScenarioException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("accepted:\n" + text);
  }

  @Test
  void yamlSyntaxErrorNamesLineColumnAndProblem() {
    assertThat(error("name: x\nclient: [rsa\nserver: {}\n")).isEqualTo(
        "bad.yaml:3:7: YAML syntax: expected ',' or ']', but got : (while parsing a flow sequence)");
  }

  @Test
  void unknownFieldListsTheAllowedOnes() {
    assertThat(error("name: x\nclient:\n  kez: rsa\n" + EXPECT)).isEqualTo("bad.yaml:3:3: client.kez: unknown field"
        + " (allowed: versions, kex, suites, cert, resume, renegotiate, accept-renegotiation, engine)");
    assertThat(error("name: x\ncolour: red\n" + EXPECT)).isEqualTo("bad.yaml:2:1: colour: unknown field"
        + " (allowed: name, description, seed, client, server, close, network, expect)");
  }

  @Test
  void wrongValueListsTheAllowedValues() {
    assertThat(error("name: x\nclient:\n  kex: ecdh\n" + EXPECT)).isEqualTo("bad.yaml:3:3: client.kex: unknown value"
        + " 'ecdh' (allowed: rsa, dhe_rsa, ecdhe_rsa, ecdhe_ecdsa, dh_anon, ecdh_anon, psk, ecdhe_psk)");
    assertThat(error("name: x\nserver:\n  versions: tls1.3\n" + EXPECT)).isEqualTo("bad.yaml:3:3: server.versions:"
        + " unknown value 'tls1.3' (allowed: one of ssl3, tls1.0, tls1.1, tls1.2, or a range such as tls1.0-tls1.2)");
    assertThat(error("name: x\nexpect:\n  outcome: established\n  sequence: [client.client_hello, server.helo]\n"))
        .isEqualTo("bad.yaml:4:35: expect.sequence[2]: unknown message type 'helo' in 'server.helo' (allowed: "
            + "hello_request, client_hello, server_hello, certificate, server_key_exchange, certificate_request,"
            + " server_hello_done, certificate_verify, client_key_exchange, new_session_ticket, finished,"
            + " change_cipher_spec, application_data, or an alert name such as close_notify)");
    assertThat(error("name: x\nnetwork:\n  faults:\n    - dorp:server.finished\n" + EXPECT)).isEqualTo(
        "bad.yaml:4:7: network.faults[1]: unknown fault kind 'dorp'; one of drop, duplicate, delay, corrupt,"
            + " truncate, reorder, inject");
    assertThat(error("name: x\nnetwork:\n  loss: 1.5\n" + EXPECT)).isEqualTo(
        "bad.yaml:3:3: network.loss: a probability per record must be between 0 and 1, got 1.5");
  }

  @Test
  void wrongTypeSaysWhatWasExpectedAndWhatWasFound() {
    assertThat(error("name: x\nseed: abc\n" + EXPECT)).isEqualTo(
        "bad.yaml:2:1: seed: expected a whole number, got text 'abc'");
    assertThat(error("name: x\nserver:\n  psk-hint: 1\n" + EXPECT)).isEqualTo(
        "bad.yaml:3:3: server.psk-hint: expected true or false, got the integer 1");
    assertThat(error("name: x\nclient: rsa\n" + EXPECT)).isEqualTo(
        "bad.yaml:2:1: client: expected a mapping of fields, got text 'rsa'");
    assertThat(error("- a\n- b\n")).isEqualTo(
        "bad.yaml:1:1: expected a mapping of fields (name:, client:, server:, network:, expect:), got a list");
  }

  @Test
  void impossibleCombinationPointsAtTheFieldThatMakesIt() {
    assertThat(error("name: x\nclient:\n  kex: dh_anon\nserver:\n  client-auth: require\n" + EXPECT)).isEqualTo(
        "bad.yaml:5:3: server.client-auth: impossible combination: client authentication needs a"
            + " certificate-authenticated key exchange, not dh_anon");
    assertThat(error("name: x\nclient:\n  versions: ssl3\n  kex: rsa\n  resume: ticket\nserver:\n  versions: ssl3\n"
        + EXPECT)).isEqualTo("bad.yaml:5:3: client.resume: impossible combination: session tickets need TLS"
            + " (RFC 5077 is an extension); SSL 3.0 has none");
    assertThat(error("name: x\nclient:\n  renegotiate: true\nserver:\n  renegotiate: true\n" + EXPECT)).isEqualTo(
        "bad.yaml:5:3: server.renegotiate: client.renegotiate is true too; one side starts the renegotiation");
    assertThat(error("name: x\nexpect:\n  outcome: established\n  alert: {name: bad_record_mac, from: server}\n"))
        .isEqualTo("bad.yaml:4:3: expect.alert: impossible combination: an established run sends no fatal alert"
            + " (expect.outcome is established)");
  }

  @Test
  void missingFileAndMissingFieldsAreOneLine() {
    assertThatThrownBy(() -> ScenarioReader.read(Path.of("nope", "missing.yaml")))
        .hasMessage("nope/missing.yaml: no such file");
    assertThat(error("")).isEqualTo("bad.yaml: the file is empty (expected a mapping such as 'name: ...')");
    assertThat(error("description: d\n" + EXPECT)).isEqualTo("bad.yaml:1:1: name: missing (every scenario has a name)");
    assertThat(error("name: x\n")).isEqualTo("bad.yaml:1:1: expect: missing (every scenario says what it expects,"
        + " at least expect: outcome: established|failed)");
    assertThat(error("name: x\nname: y\n" + EXPECT)).isEqualTo("bad.yaml:2:1: duplicate key 'name'");
  }

  @Test
  void readsEveryFieldIntoTheConfigurationPeersNetworkAndExpectation() throws Exception {
    Scenario s = ScenarioReader.parse("ok.yaml", String.join("\n",
        "name: all-fields",
        "description: every field once",
        "seed: 7",
        "client:",
        "  versions: tls1.0-tls1.2",
        "  kex: ecdhe_ecdsa",
        "  cert: ecdsa",
        "  resume: id",
        "  renegotiate: true",
        "  accept-renegotiation: false",
        "  engine: model",
        "server:",
        "  versions: tls1.1",
        "  client-auth: request",
        "  accept-renegotiation: true",
        "  engine: jsse",
        "close: server",
        "network:",
        "  loss: 0.25",
        "  latency: 5-50",
        "  faults: ['delay:server.server_hello_done#2:3000', 'inject:client.finished:change_cipher_spec']",
        "  partitions: [{from: 10, to: 20.5}]",
        "expect:",
        "  outcome: failed",
        "  contains: [client.client_hello]",
        "  absent: [client.certificate_verify]",
        "  timeout: {side: server, state: WAIT_CLIENT_KEY_EXCHANGE, waiting-for: client_key_exchange}",
        ""));
    assertThat(s.config().seed()).isEqualTo(7);
    assertThat(s.config().clientMin()).isEqualTo(ProtocolVersion.TLS10);
    assertThat(s.config().serverMax()).isEqualTo(ProtocolVersion.TLS11);
    assertThat(s.config().keyExchange()).isEqualTo(KeyExchange.ECDHE_ECDSA);
    assertThat(s.config().clientAuth()).isEqualTo(ClientAuth.REQUEST);
    assertThat(s.config().resumption()).isEqualTo(Resumption.ID);
    assertThat(s.config().renegotiation()).isEqualTo(Renegotiation.CLIENT);
    assertThat(s.peers()).isEqualTo(new Scenario.Peers(Scenario.EngineKind.MODEL, Scenario.EngineKind.JSSE, false,
        true, Side.SERVER));
    assertThat(s.network().loss()).isEqualTo(0.25);
    assertThat(s.network().toServer()).isEqualTo(new Latency.Uniform(5, 50));
    assertThat(s.network().toClient()).isEqualTo(new Latency.Uniform(5, 50));
    assertThat(s.network().faults()).extracting(Fault::spec)
        .containsExactly("delay:server.server_hello_done#2:3000", "inject:client.finished:change_cipher_spec");
    assertThat(s.network().partitions()).containsExactly(new Partition(10, 20.5, null));
    assertThat(s.expect().timeout().orElseThrow().state()).isEqualTo("WAIT_CLIENT_KEY_EXCHANGE");
    assertThat(s.expect().absent()).containsExactly("client.certificate_verify");
  }
}
