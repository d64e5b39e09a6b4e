package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.trace.Trace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One layout for every sequence the tool prints: {@code connect} and {@code serve} print, live,
 * the same row for a message as {@code hslab run}'s table does (issue 16, item 8).
 */
class SequenceRowTest {

  // Client authentication requested: optional messages (in brackets) and encrypted ones both appear.
  private static final HandshakeConfig HC = HandshakeConfig.reference().withClientAuth(ClientAuth.REQUIRE,
      ClientCertificate.RSA);

  private static final String ROW = "^ +\\d+ +\\d+\\.\\d ms  client (?: --> |<--  )server  .*";

  /**
   * The bridged engine on {@code bridged}'s side hears each message of the run as it would over
   * TCP (its own as sent, its peer's as received, at the run's times): the rows it prints are the
   * run's rows.
   */
  @ParameterizedTest
  @EnumSource(Side.class)
  void aBridgedEnginesLiveRowsAreTheRunsRows(Side bridged) {
    List<LoopbackRun.Connection> run = LoopbackRun.run(HC);
    Trace trace = run.get(0).trace();
    List<String> runRows = new RunReport(HC, run, "model", "model").text().lines().filter(l -> l.matches(ROW))
        .toList();
    assertThat(runRows).as("the run's table").hasSize(trace.sent().size())
        .anyMatch(l -> l.contains("[")).anyMatch(l -> l.contains(" encrypted "))
        .anyMatch(l -> l.contains("client <--  server")).anyMatch(l -> l.contains("client  --> server"));

    StringWriter w = new StringWriter();
    LiveSequence live = new LiveSequence(new PrintWriter(w), false);
    for (Trace.Sent s : trace.sent()) {
      EngineEvent e = s.from() == bridged ? new EngineEvent.MessageSent(s.message())
          : new EngineEvent.MessageReceived(s.message());
      live.onEvent(1, bridged, s.timeMs(), e);
    }
    List<String> liveRows = w.toString().lines().filter(l -> l.matches(ROW)).toList();

    assertThat(liveRows).isEqualTo(runRows);
  }
}
