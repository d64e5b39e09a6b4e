package dev.hslab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.Side;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each kind of mismatch is reported with the expected and actual value and the message number. */
class ExpectationCheckTest {

  private static final List<String> RSA = List.of("client.client_hello", "server.server_hello", "server.certificate",
      "server.server_hello_done", "client.client_key_exchange", "client.change_cipher_spec", "client.finished",
      "server.change_cipher_spec", "server.finished");

  private static RunFacts established(List<String> labels) {
    return new RunFacts(labels, true, Optional.empty(), List.of(), Optional.empty());
  }

  private static List<String> compare(String expectYaml, RunFacts facts) throws ScenarioException {
    Scenario s = ScenarioReader.parse("x.yaml", "name: x\nexpect:\n" + expectYaml);
    return ExpectationCheck.of(s.expect(), facts).stream().map(Mismatch::describe).toList();
  }

  @Test
  void exactSequenceReportsTheFirstDivergingMessageAndTheCount() throws Exception {
    String yaml = "  outcome: established\n  sequence: [" + String.join(", ", RSA) + "]\n";
    assertThat(compare(yaml, established(RSA))).isEmpty();
    List<String> withSke = new java.util.ArrayList<>(RSA);
    withSke.add(3, "server.server_key_exchange");
    assertThat(compare(yaml, established(withSke))).containsExactly(
        "expect.sequence: message 4: expected server.server_hello_done, got server.server_key_exchange",
        "expect.sequence: expected 9 messages, got 10 messages");
    assertThat(compare(yaml, established(RSA.subList(0, 7)))).containsExactly(
        "expect.sequence: message 8: expected server.change_cipher_spec, got (end of run)",
        "expect.sequence: expected 9 messages, got 7 messages");
  }

  @Test
  void containsIsAnOrderedSubsequenceAndAbsentNamesWhereTheMessageAppeared() throws Exception {
    assertThat(compare("  outcome: established\n  contains: [server.certificate, client.finished]\n", established(RSA)))
        .isEmpty();
    assertThat(compare("  outcome: established\n  contains: [client.finished, server.certificate]\n", established(RSA)))
        .containsExactly("expect.contains[2]: expected server.certificate after message 7 (client.finished),"
            + " got it only as message 3");
    assertThat(compare("  outcome: established\n  contains: [server.certificate_request]\n", established(RSA)))
        .containsExactly("expect.contains[1]: expected server.certificate_request, got no server.certificate_request"
            + " in the run");
    assertThat(compare("  outcome: established\n  absent: [server.server_key_exchange, server.certificate]\n",
        established(RSA))).containsExactly("expect.absent[2]: message 3: expected no server.certificate, got server.certificate");
  }

  @Test
  void outcomeAlertAndTimeoutMismatchesSayWhatHappenedInstead() throws Exception {
    RunFacts badMac = new RunFacts(RSA.subList(0, 7), false,
        Optional.of(new RunFacts.SentAlert("bad_record_mac", Side.SERVER)), List.of(), Optional.empty());
    assertThat(compare("  outcome: established\n", badMac)).containsExactly(
        "expect.outcome: expected established, got failed (bad_record_mac from server)");
    assertThat(compare("  outcome: failed\n  alert: {name: unexpected_message, from: server}\n", badMac))
        .containsExactly("expect.alert: expected unexpected_message from server, got bad_record_mac from server");
    assertThat(compare("  outcome: failed\n  timeout: {side: client, state: WAIT_SERVER_HELLO_DONE}\n", badMac))
        .containsExactly("expect.timeout: expected client timed out in WAIT_SERVER_HELLO_DONE, got no timeout on the client");
    RunFacts stalled = new RunFacts(RSA.subList(0, 3), false, Optional.empty(),
        List.of(new RunFacts.Timeout(Side.CLIENT, "WAIT_CERTIFICATE_REQUEST", "certificate_request")), Optional.empty());
    assertThat(compare("  outcome: failed\n  timeout: {side: client, state: WAIT_CERTIFICATE_REQUEST}\n", stalled))
        .isEmpty();
    assertThat(compare("  outcome: failed\n  timeout: {side: client, state: WAIT_SERVER_HELLO_DONE,"
        + " waiting-for: server_hello_done}\n", stalled)).containsExactly("expect.timeout: expected client timed out in"
            + " WAIT_SERVER_HELLO_DONE waiting for server_hello_done, got client timed out in WAIT_CERTIFICATE_REQUEST"
            + " waiting for certificate_request");
    assertThat(compare("  outcome: failed\n  alert: {name: unexpected_message, from: server}\n", stalled))
        .containsExactly("expect.alert: expected unexpected_message from server, got no fatal alert");
  }

  @Test
  void negotiatedVersionIsComparedWithTheRun() throws Exception {
    Scenario s = ScenarioReader.parse("v.yaml", "name: v\nclient:\n  versions: tls1.0-tls1.2\nserver:\n"
        + "  versions: tls1.0-tls1.1\nexpect:\n  outcome: established\n  version: tls1.2\n  resumed: true\n");
    Verdict v = ScenarioRunner.loopbackOnly().run(s);
    assertThat(v.status()).isEqualTo(Verdict.Status.FAILED);
    assertThat(v.mismatches()).extracting(Mismatch::describe).containsExactly(
        "expect.version: expected tls1.2, got tls1.1", "expect.resumed: expected resumed, got not resumed");
  }
}
