package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.scenario.RunFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reports read the outcome a trace recorded when its run ended; they do not work it out again
 * from the events. Each trace here holds the events of an established handshake but records
 * another ending, and the reports tell that ending.
 */
class RunReportOutcomeTest {

  private static final HandshakeConfig HC = HandshakeConfig.reference();

  /** The reference run's connection, its trace recording {@code outcome} instead of what its events show. */
  private static LoopbackRun.Connection recording(Outcome outcome) {
    LoopbackRun.Connection c = LoopbackRun.run(HC).get(0);
    assertThat(c.trace().outcome().established()).as("the events show an established handshake").isTrue();
    return new LoopbackRun.Connection(new Trace(c.trace().events(), outcome), c.client(), c.server());
  }

  @Test
  void runReportTellsTheRecordedTimeouts() {
    Outcome both = Outcome.timeout(Side.SERVER, "WAIT_CLIENT_KEY_EXCHANGE", "client_key_exchange")
        .withFurther(List.of(Outcome.timeout(Side.CLIENT, "WAIT_CERTIFICATE_REQUEST", "server_hello_done")));
    RunReport r = new RunReport(HC, List.of(recording(both)), "model", "model");
    assertThat(r.established()).isFalse();
    assertThat(r.outcomeLine()).isEqualTo("failed: client timed out in WAIT_CERTIFICATE_REQUEST waiting for "
        + "server_hello_done; server timed out in WAIT_CLIENT_KEY_EXCHANGE waiting for client_key_exchange");
    ObjectNode json = r.json();
    assertThat(json.get("outcome").asText()).isEqualTo("failed");
    assertThat(json.get("client").get("timeout").get("state").asText()).isEqualTo("WAIT_CERTIFICATE_REQUEST");
    assertThat(json.get("server").get("timeout").get("waitingFor").asText()).isEqualTo("client_key_exchange");
    assertThat(json.get("server").get("alertSent").isNull()).isTrue();
  }

  @Test
  void runReportTellsTheRecordedAlert() {
    Outcome alert = Outcome.alert(Side.SERVER, AlertDescription.BAD_RECORD_MAC, "record: bad MAC")
        .withFurther(List.of(Outcome.alertReceived(Side.CLIENT, AlertDescription.BAD_RECORD_MAC)));
    RunReport r = new RunReport(HC, List.of(recording(alert)), "model", "model");
    assertThat(r.outcomeLine()).isEqualTo("failed: server sent bad_record_mac (record: bad MAC)");
    assertThat(r.json().get("server").get("alertSent").asText()).isEqualTo("bad_record_mac");
    assertThat(r.json().get("client").get("alertReceived").asText()).isEqualTo("bad_record_mac");
  }

  @Test
  void runFactsReadTheRecordedOutcome() {
    Outcome alert = Outcome.alert(Side.SERVER, AlertDescription.BAD_RECORD_MAC, "record: bad MAC")
        .withFurther(List.of(Outcome.timeout(Side.CLIENT, "WAIT_FINISHED", "finished")));
    RunFacts f = RunFacts.of(List.of(recording(alert).trace()));
    assertThat(f.established()).isFalse();
    assertThat(f.firstFatalAlert()).contains(new RunFacts.SentAlert("bad_record_mac", Side.SERVER));
    assertThat(f.timeouts()).containsExactly(new RunFacts.Timeout(Side.CLIENT, "WAIT_FINISHED", "finished"));
    assertThat(f.negotiated()).isEmpty();
    assertThat(f.describeOutcome())
        .isEqualTo("failed (bad_record_mac from server; client timed out in WAIT_FINISHED waiting for finished)");
    assertThat(RunFacts.of(List.of(recording(Outcome.ESTABLISHED).trace())).describeOutcome()).isEqualTo("established");
  }
}
