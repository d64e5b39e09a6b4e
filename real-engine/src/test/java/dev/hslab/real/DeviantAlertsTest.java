package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.concrete.ConfigMapping;
import dev.hslab.model.concrete.DeviationDriver;
import dev.hslab.model.concrete.DeviationRun;
import dev.hslab.model.concrete.EngineUnderTest;
import dev.hslab.model.concrete.MessageSamples;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.Deviation;
import dev.hslab.model.explore.Deviations;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The alerts of a real engine in {@code hslab deviate} (TLS 1.2, RSA, no client authentication):
 * the alert it sends after failing is the one its SSLEngine produced, decoded from the record with
 * our codecs, and an alert the deviating model peer injected is one the engine received, never
 * one it sent (issue 16, items 2 and 3).
 */
class DeviantAlertsTest {

  private static final HandshakeConfig RSA12 = HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.RSA);

  /**
   * After an out-of-order message the engine fails and its next wrap produces a fatal alert, under
   * its write keys since its ChangeCipherSpec. Both providers send unexpected_message (RFC 5246
   * §7.2.2) for a second ServerHelloDone, and bad_record_mac for a Finished replayed under the next
   * sequence number (§6.2.3.3). This was "aborted without alert": the record stayed opaque.
   */
  @ParameterizedTest(name = "{0}: {1} -> {2} sends {3}")
  @CsvSource(delimiter = '|', value = {
    "JSSE   | repeat server.server_hello_done                 | CLIENT | UNEXPECTED_MESSAGE",
    "BCJSSE | repeat server.server_hello_done                 | CLIENT | UNEXPECTED_MESSAGE",
    "JSSE   | repeat client.finished                          | SERVER | BAD_RECORD_MAC",
    "BCJSSE | repeat client.finished                          | SERVER | BAD_RECORD_MAC",
    "JSSE   | inject server.certificate_request before server.finished | CLIENT | UNEXPECTED_MESSAGE",
    // The injected ClientHello is the server's: it must not start a handshake in our observer.
    "JSSE   | inject server.client_hello before server.finished | CLIENT | UNEXPECTED_MESSAGE",
    "BCJSSE | inject server.client_hello before server.finished | CLIENT | UNEXPECTED_MESSAGE"})
  void theFatalAlertAnEngineSendsAfterFailingIsDecodedFromItsBytes(JsseProvider p, String trace, Side side,
      AlertDescription alert) {
    DeviationRun r = run(JsseEngineFactory.underTest(p), trace);

    assertThat(r.actual()).isEqualTo(Outcome.alert(side, alert));
    assertThat(r.labels()).last().isEqualTo(side.label() + "." + alert.rfcName());
    assertThat(r.labels()).doesNotContain(side.label() + ".alert");
  }

  /**
   * An injected no_renegotiation or no_certificate before the server's Finished makes the client
   * fail; what it sends is its own alert (handshake_failure, or BCJSSE's unexpected_message for
   * no_certificate, a code TLS 1.2 no longer defines), read from its record, not the one it got.
   */
  @ParameterizedTest(name = "{0}: {1} -> client sends {2}")
  @CsvSource(delimiter = '|', value = {
    "JSSE   | inject server.no_renegotiation before server.finished | HANDSHAKE_FAILURE",
    "BCJSSE | inject server.no_renegotiation before server.finished | HANDSHAKE_FAILURE",
    "JSSE   | inject server.no_certificate before server.finished   | HANDSHAKE_FAILURE",
    "BCJSSE | inject server.no_certificate before server.finished   | UNEXPECTED_MESSAGE",
    "BCJSSE | inject server.close_notify before server.finished     | HANDSHAKE_FAILURE"})
  void anInjectedAlertIsNotTheAlertTheEngineSends(JsseProvider p, String trace, AlertDescription sent) {
    String injected = trace.split("[ .]")[2];

    DeviationRun r = run(JsseEngineFactory.underTest(p), trace);

    assertThat(r.actual()).isEqualTo(Outcome.alert(Side.CLIENT, sent));
    assertThat(r.labels()).doesNotContain("client." + injected).last().isEqualTo("client." + sent.rfcName());
  }

  /**
   * SunJSSE answers a close_notify received during the handshake with its own close_notify (RFC 5246
   * §7.2.1), then fails ("Received close_notify during handshake") with no fatal alert: its
   * close_notify is in its bytes, and the peer's is reported received.
   */
  @Test
  void sunJsseAnswersAnInjectedCloseNotifyWithItsOwn() {
    Recorder rec = new Recorder(JsseEngineFactory.underTest(JsseProvider.JSSE));

    DeviationRun r = run(rec.underTest(), "inject server.close_notify before server.finished");

    assertThat(r.labels()).endsWith("client.close_notify", "server.close_notify");
    assertThat(rec.received()).containsExactly(AlertDescription.CLOSE_NOTIFY);
    assertThat(rec.sent()).containsExactly(AlertDescription.CLOSE_NOTIFY);
    assertThat(rec.sentFatal()).isEmpty();
  }

  /**
   * The handshake ended by close_notify is reported as such, decided while the run happens: the
   * deviating model side closed first, SunJSSE answered in the state it was in (RFC 5246 §7.2.1:
   * the other party MUST respond with close_notify; not a fatal alert), and the model's own fatal
   * alert after that close is a later failure. It matches the model's expectation by the RFC's
   * rule; BCJSSE, which answers the close_notify before the server's Finished with a fatal
   * handshake_failure, does not. Before this kind the same runs read "aborted without alert" or
   * "alert client unexpected_message" (the model's alert after SunJSSE's close).
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "JSSE | inject server.close_notify before server.finished            | SERVER",
    "JSSE | inject server.close_notify before server.change_cipher_spec  | SERVER",
    "JSSE | inject server.close_notify before server.server_hello        | SERVER",
    "JSSE | inject client.close_notify before client.client_hello        | CLIENT",
    "JSSE | inject client.close_notify before client.finished            | CLIENT"})
  void aCloseNotifyAnsweredDuringTheHandshakeEndsItAsAClose(JsseProvider p, String trace, Side closer) {
    DeviationRun r = run(JsseEngineFactory.underTest(p), trace);

    assertThat(r.actual().kind()).isEqualTo(Outcome.Kind.CLOSED_DURING_HANDSHAKE);
    assertThat(r.actual().side()).isEqualTo(closer);
    assertThat(r.actual().state()).isEqualTo("handshaking");
    assertThat(r.labels()).contains(closer.peer().label() + ".close_notify");
    assertThat(r.answeredCloseNotify()).isTrue();
    assertThat(r.matches()).isTrue();
    assertThat(r.actual().failures()).allSatisfy(f -> assertThat(f.side()).isEqualTo(closer));
  }

  @Test
  void aFatalAlertInPlaceOfTheCloseNotifyAnswerIsNoClose() {
    DeviationRun r = run(JsseEngineFactory.underTest(JsseProvider.BCJSSE), "inject server.close_notify before server.finished");

    assertThat(r.actual()).isEqualTo(Outcome.alert(Side.CLIENT, AlertDescription.HANDSHAKE_FAILURE));
    assertThat(r.answeredCloseNotify()).isFalse();
    assertThat(r.matches()).isFalse();
  }

  /**
   * Without the master secret (two real engines: nobody knows the keys) the engine's alert is named
   * from its error message only when that message is about an alert it decided on. SunJSSE's
   * "Received fatal alert: no_renegotiation" names the alert it received; its own record stays
   * unnamed rather than reported as the injected no_renegotiation (the bug: "client sends
   * no_renegotiation").
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = AlertDescription.class, names = {"NO_RENEGOTIATION", "CLOSE_NOTIFY"})
  void withoutTheKeysAReceivedAlertDoesNotNameTheAlertSent(AlertDescription injected) {
    Recorder rec = new Recorder(new EngineUnderTest("jsse",
        (config, peer) -> JsseEngineFactory.create(JsseProvider.JSSE, config).newEngine(), false));

    DeviationRun r = run(rec.underTest(), "inject server." + injected.rfcName() + " before server.finished");

    assertThat(r.labels()).doesNotContain("client." + injected.rfcName());
    assertThat(rec.sent()).doesNotContain(injected);
    assertThat(rec.received()).contains(injected);
    assertThat(r.actual()).isNotEqualTo(Outcome.alert(Side.CLIENT, injected));
  }

  private static DeviationRun run(EngineUnderTest sut, String trace) {
    Configuration c = ConfigMapping.toExplorer(RSA12).get(0);
    Deviation d = Deviations.derive(c, Deviations.canonicalPath(c)).stream()
        .filter(x -> x.mutation().label().equals(trace)).findFirst().orElseThrow(() -> new AssertionError(trace));
    DeviationRun r = new DeviationDriver(c, new ConfigMapping.Target(RSA12, 1), sut, MessageSamples.forConfig(RSA12)).run(d);
    assertThat(r.ran()).as(r.note()).isTrue();
    return r;
  }

  /** Keeps the alert events of the engine under test, which the deviation run does not keep. */
  private static final class Recorder {
    private final EngineUnderTest inner;
    private final List<RecordingEngine> engines = new ArrayList<>();

    Recorder(EngineUnderTest inner) {
      this.inner = inner;
    }

    EngineUnderTest underTest() {
      return new EngineUnderTest(inner.name(), (config, peer) -> {
        RecordingEngine e = new RecordingEngine(inner.create(config, peer));
        engines.add(e);
        return e;
      }, false);
    }

    private List<EngineEvent> events() {
      return engines.stream().flatMap(e -> e.events().stream()).toList();
    }

    List<AlertDescription> received() {
      return events().stream().filter(e -> e instanceof EngineEvent.AlertReceived)
          .map(e -> ((EngineEvent.AlertReceived) e).alert().description()).toList();
    }

    /** The alerts of the records the engine sent, where known. */
    List<AlertDescription> sent() {
      return events().stream().filter(e -> e instanceof EngineEvent.MessageSent m && m.message().alert() != null)
          .map(e -> ((EngineEvent.MessageSent) e).message().alert().description()).toList();
    }

    List<AlertDescription> sentFatal() {
      return events().stream().filter(e -> e instanceof EngineEvent.AlertSent)
          .map(e -> ((EngineEvent.AlertSent) e).alert().description()).toList();
    }
  }
}
