package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hslab.model.concrete.ConfigMapping;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.ConfigurationSpace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int exit, String out, String err) {}

  static Result hslab(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Hslab.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  /** The flags that describe {@code hc} on the command line. */
  static List<String> flags(HandshakeConfig hc) {
    List<String> f = new ArrayList<>(List.of("run", "--json", "--version", hc.clientMax().cliName(),
        "--kex", hc.keyExchange().cliName(), "--client-auth", hc.clientAuth().cliName(),
        "--client-cert", hc.clientCertificate().cliName(), "--resume", hc.resumption().cliName(),
        "--renegotiate", hc.renegotiation().cliName()));
    if (hc.pskHint()) {
      f.add("--psk-hint");
    }
    return f;
  }

  static Stream<HandshakeConfig> legal() {
    return Stream.concat(ConfigMapping.runs(ConfigurationSpace.runs(), 1).stream(),
        ConfigMapping.runs(ConfigurationSpace.renegotiations(), 1).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legal")
  void jsonHasTheContractFieldsForEveryLegalCombination(HandshakeConfig hc) throws Exception {
    Result r = hslab(flags(hc).toArray(String[]::new));
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("seed").asLong()).isEqualTo(1);
    assertThat(j.get("config").get("kex").asText()).isEqualTo(hc.keyExchange().cliName());
    assertThat(j.get("outcome").asText()).isEqualTo("established");
    assertThat(j.get("negotiated").get("version").asText()).isEqualTo(hc.clientMax().displayName());
    assertThat(j.get("negotiated").get("cipherSuite").asText()).contains(hc.keyExchange().ianaName() + "_WITH_");
    assertThat(j.get("negotiated").get("resumed").asBoolean()).isEqualTo(hc.resumption() != dev.hslab.model.handshake.Resumption.NONE);
    assertThat(j.get("negotiated").has("clientAuthenticated")).isTrue();
    assertThat(j.get("masterSecretMatch").asBoolean()).isTrue();
    for (String side : List.of("client", "server")) {
      JsonNode s = j.get(side);
      assertThat(s.get("state").asText()).isEqualTo("CLOSED");
      assertThat(s.get("alertSent").isNull()).isTrue();
      assertThat(s.get("alertReceived").isNull()).isTrue();
      assertThat(s.get("timeout").isNull()).isTrue();
    }
    JsonNode first = j.get("messages").get(0);
    assertThat(first.get("n").asInt()).isEqualTo(1);
    assertThat(first.get("from").asText()).isEqualTo("client");
    assertThat(first.get("type").asText()).isEqualTo("client_hello");
    for (String field : List.of("optional", "bytes", "encrypted", "fault", "timeMs")) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    JsonNode lastMessage = j.get("messages").get(j.get("messages").size() - 1);
    assertThat(lastMessage.get("type").asText()).isEqualTo("alert");
    assertThat(lastMessage.get("alert").asText()).isEqualTo("close_notify");
    assertThat(lastMessage.get("level").asText()).isEqualTo("warning");
  }

  @Test
  void textListsTheNumberedSequenceWithOptionalMessagesInBrackets() {
    Result r = hslab("run");
    assertThat(r.exit()).isZero();
    // Over TCP (the default) the ClientHello goes once the SYN exchange is done: one round trip of 1 ms each way.
    assertThat(r.out()).containsPattern("  1 +2\\.0 ms  client  --> server  ClientHello");
    assertThat(r.out()).contains("[Certificate]", "[ServerKeyExchange]",
        "ServerHelloDone", "established: TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, master secrets match");
  }

  @Test
  void failedHandshakeExitsOneAndNamesTheAlert() throws Exception {
    Result r = hslab("run", "--json", "--client-versions", "tls1.2", "--server-versions", "tls1.0-tls1.1");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("outcome").asText()).isEqualTo("failed");
    assertThat(j.get("client").get("alertSent").asText()).isEqualTo("protocol_version");
    assertThat(j.get("server").get("alertReceived").asText()).isEqualTo("protocol_version");
  }

  @Test
  void illegalCombinationsAreOneLineAndExitTwo() {
    for (String[] args : List.of(
        new String[] {"run", "--kex", "dh_anon", "--client-auth", "require"},
        new String[] {"run", "--version", "tls1.0", "--suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"},
        new String[] {"run", "--kex", "nope"},
        new String[] {"run", "--version", "tls1.3"},
        new String[] {"run", "--suite", "TLS_NO_SUCH_SUITE"},
        new String[] {"run", "--bogus"})) {
      Result r = hslab(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("hslab");
      assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }
    assertThat(hslab("run", "--version", "tls1.0", "--suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").err())
        .contains("needs TLSv1.2");
  }

  @Test
  void realEnginesRunThroughTheSameCommand() throws Exception {
    for (String[] engines : List.of(new String[] {"jsse", "model"}, new String[] {"model", "bcjsse"},
        new String[] {"bcjsse", "jsse"})) {
      Result r = hslab("run", "--json", "--client-engine", engines[0], "--server-engine", engines[1], "--resume", "id");
      assertThat(r.exit()).as(String.join("/", engines)).isZero();
      JsonNode j = JSON.readTree(r.out());
      assertThat(j.get("config").get("clientEngine").asText()).isEqualTo(engines[0]);
      assertThat(j.get("outcome").asText()).isEqualTo("established");
      assertThat(j.get("negotiated").get("resumed").asBoolean()).isTrue();
      assertThat(j.get("messages").get(0).get("type").asText()).isEqualTo("client_hello");
    }
  }

  /**
   * Issue 16, item 1: a real client sends its ClientKeyExchange, ChangeCipherSpec and Finished in
   * one flight, before the model server has read any of it; message 8 is still named, as Wireshark
   * names it with a key log, because the model server tells the secret from that ClientKeyExchange.
   */
  @Test
  void aRealEnginesFinishedIsNamedWhenItsPeerIsTheModel() throws Exception {
    for (String[] engines : List.of(new String[] {"jsse", "model"}, new String[] {"bcjsse", "model"},
        new String[] {"model", "jsse"}, new String[] {"model", "bcjsse"})) {
      Result r = hslab("run", "--json", "--client-engine", engines[0], "--server-engine", engines[1], "--kex", "ecdhe_rsa");
      assertThat(r.exit()).as(String.join("/", engines)).isZero();
      JsonNode messages = JSON.readTree(r.out()).get("messages");
      JsonNode eighth = messages.get(7);
      assertThat(eighth.get("from").asText()).isEqualTo("client");
      assertThat(eighth.get("type").asText()).as(String.join("/", engines)).isEqualTo("finished");
      assertThat(eighth.get("encrypted").asBoolean()).isTrue();
      assertThat(eighth.get("bytes").asInt()).isEqualTo(16); // RFC 5246 §7.4.9: 4-byte header, 12 bytes verify_data
      for (JsonNode m : messages) {
        assertThat(m.get("type").asText()).isNotEqualTo("encrypted_handshake_message");
      }
    }
  }

  /**
   * Issue 16, item 4: an injected message is protected as its (model) sender protects its own, so
   * the receiver's state machine meets it: SunJSSE and the model server answer unexpected_message
   * (RFC 5246 §7.4), not a record-layer failure; the message is numbered and marked injected.
   */
  @Test
  void anInjectedMessageAfterChangeCipherSpecReachesTheReceiversStateMachine() throws Exception {
    for (String[] c : List.of(new String[] {"jsse", "inject:server.finished:certificate_request", "certificate_request", "client"},
        new String[] {"model", "inject:client.finished:application_data", "application_data", "server"})) {
      Result r = hslab("run", "--json", "--client-engine", c[0], "--kex", "rsa", "--fault", c[1]);
      assertThat(r.exit()).as(c[1]).isEqualTo(1);
      JsonNode j = JSON.readTree(r.out());
      assertThat(j.get(c[3]).get("alertSent").asText()).as(c[1]).isEqualTo("unexpected_message");
      List<JsonNode> injected = new java.util.ArrayList<>();
      j.get("messages").forEach(m -> {
        if ("injected".equals(m.get("fault").asText())) {
          injected.add(m);
        }
      });
      assertThat(injected).singleElement().satisfies(m -> {
        assertThat(m.get("type").asText()).isEqualTo(c[2]);
        assertThat(m.get("encrypted").asBoolean()).isTrue();
        assertThat(m.get("tests").asText()).isEqualTo("state_machine");
      });
    }
    Result text = hslab("run", "--kex", "rsa", "--fault", "inject:client.finished:application_data");
    assertThat(text.out()).contains("ApplicationData", "encrypted", "** injected: tests the state machine **");
  }

  /**
   * An injection in front of a REAL sender after its ChangeCipherSpec: its adapter seals the
   * message with the sender's write keys (from the model peer's master secret) and the sequence
   * number of the target's record, and reseals the engine's own later records one number on. A
   * HelloRequest while negotiating is ignored (RFC 5246 §7.4.1.1) and not hashed, so the model
   * client then reads SunJSSE's or BCJSSE's Finished under the shifted number and establishes:
   * with the injected record unprotected, or the Finished left at its own number, it would end in
   * bad_record_mac (RFC 5246 §6.2.3). Data before the client's Finished meets the model server's
   * state machine: unexpected_message (§7.4.9).
   */
  @Test
  void anInjectionInFrontOfARealSenderIsSealedUnderItsKeysAndShiftsItsSequence() throws Exception {
    for (String provider : List.of("jsse", "bcjsse")) {
      Result r = hslab("run", "--json", "--server-engine", provider, "--kex", "rsa", "--fault", "inject:server.finished:hello_request");
      JsonNode j = JSON.readTree(r.out());
      assertThat(j.get("outcome").asText()).as(provider + ": " + r.out()).isEqualTo("established");
      assertThat(injected(j)).as(provider).singleElement().satisfies(m -> {
        assertThat(m.get("from").asText()).isEqualTo("server");
        assertThat(m.get("type").asText()).isEqualTo("hello_request");
        assertThat(m.get("encrypted").asBoolean()).isTrue();
        assertThat(m.get("tests").asText()).isEqualTo("state_machine");
      });

      Result c = hslab("run", "--json", "--client-engine", provider, "--kex", "rsa", "--fault", "inject:client.finished:application_data");
      JsonNode k = JSON.readTree(c.out());
      assertThat(k.get("server").get("alertSent").asText()).as(provider + ": " + c.out()).isEqualTo("unexpected_message");
      assertThat(injected(k)).as(provider).singleElement().satisfies(m -> {
        assertThat(m.get("from").asText()).isEqualTo("client");
        assertThat(m.get("encrypted").asBoolean()).isTrue();
        assertThat(m.get("tests").asText()).isEqualTo("state_machine");
      });
    }
  }

  /**
   * Two real engines: nobody in the run knows the keys, so the injection in front of SunJSSE's
   * application data goes unprotected, BCJSSE's record layer refuses it, and it says it tests the
   * record layer.
   */
  @Test
  void withoutTheKeysAnInjectionAfterChangeCipherSpecSaysItTestsTheRecordLayer() throws Exception {
    Result r = hslab("run", "--json", "--client-engine", "bcjsse", "--server-engine", "jsse", "--kex", "rsa",
        "--fault", "inject:server.application_data:hello_request");
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("outcome").asText()).isEqualTo("failed");
    assertThat(injected(j)).singleElement().satisfies(m -> {
      assertThat(m.get("encrypted").asBoolean()).isFalse();
      assertThat(m.get("tests").asText()).isEqualTo("record_layer");
    });
  }

  private static List<JsonNode> injected(JsonNode run) {
    List<JsonNode> out = new java.util.ArrayList<>();
    run.get("messages").forEach(m -> {
      if ("injected".equals(m.get("fault").asText())) {
        out.add(m);
      }
    });
    return out;
  }

  @Test
  void aRealEngineThatCannotDoTheConfigurationIsAUsageError() {
    Result r = hslab("run", "--client-engine", "jsse", "--kex", "psk");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("hslab run: --client-engine jsse:");
  }
}
