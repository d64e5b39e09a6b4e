package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hslab.model.concrete.ConfigMapping;
import dev.hslab.model.concrete.DeviationDriver;
import dev.hslab.model.concrete.DeviationRun;
import dev.hslab.model.concrete.EngineUnderTest;
import dev.hslab.model.concrete.MessageSamples;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.Deviation;
import dev.hslab.model.explore.Deviations;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sample of {@code hslab deviate --engine openssl} (TLS 1.2, RSA, no client authentication): a
 * model client deviates against a real {@code openssl s_server} on 127.0.0.1, or a model server
 * against {@code openssl s_client}, and the outcome is the alert OpenSSL wrote on the socket, read
 * with our codecs and, after its ChangeCipherSpec, decrypted with the model peer's keys. The whole set runs by hand (README).
 */
@Timeout(120)
class OpenSslDeviationTest {

  private static final HandshakeConfig RSA12 = HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.RSA);

  @BeforeAll
  static void opensslOnThePath() throws Exception {
    boolean ok;
    try {
      Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      ok = false;
    }
    assumeThat(ok).as("openssl on the PATH").isTrue();
  }

  /**
   * RFC 5246 §7.2.2: a message out of order is answered with a fatal unexpected_message: a
   * ChangeCipherSpec where the ClientKeyExchange must be (skipped), a ServerHello injected by the
   * client, a CertificateRequest the client injected (encrypted) after its ChangeCipherSpec. Those
   * alerts are plaintext: OpenSSL has not sent its own ChangeCipherSpec yet (§7.1). A Finished
   * replayed under the next sequence number fails its MAC: bad_record_mac (§6.2.3.3), sent after
   * OpenSSL's ChangeCipherSpec, so encrypted, and named only because the model client's keys
   * decrypt it. Each is also the model's expected outcome.
   */
  @ParameterizedTest(name = "{0} -> s_server sends {1}")
  @CsvSource(delimiter = '|', value = {
    "skip client.client_key_exchange                                     | UNEXPECTED_MESSAGE | false",
    "inject client.server_hello before client.client_key_exchange        | UNEXPECTED_MESSAGE | false",
    "inject client.certificate_request before client.finished            | UNEXPECTED_MESSAGE | false",
    "repeat client.finished                                              | BAD_RECORD_MAC     | true",
    // s_client under a deviating model server: the same rules from the other side. The repeated
    // ServerHelloDone arrives after s_client's ChangeCipherSpec: its alert is encrypted.
    "repeat server.server_hello_done                                     | UNEXPECTED_MESSAGE | true",
    "repeat server.finished                                              | BAD_RECORD_MAC     | true"})
  void openSslSendsTheAlertTheRfcNames(String trace, AlertDescription alert, boolean encrypted) {
    List<RecordingEngine> engines = new ArrayList<>();
    EngineUnderTest sut = recording(OpenSslEngine.underTest(), engines);

    DeviationRun r = run(sut, trace);

    assertThat(r.ran()).as(r.note()).isTrue();
    Side openssl = r.deviation().mutation().sender().peer();
    assertThat(r.actual()).isEqualTo(Outcome.alert(openssl, alert));
    assertThat(r.matches()).isTrue();
    assertThat(r.labels()).last().isEqualTo(openssl.label() + "." + alert.rfcName());
    List<MessageInfo> alerts = engines.stream().flatMap(e -> e.events().stream())
        .filter(e -> e instanceof EngineEvent.MessageSent m && m.message().alert() != null)
        .map(e -> ((EngineEvent.MessageSent) e).message()).toList();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).alert().description()).isEqualTo(alert);
    assertThat(alerts.get(0).encrypted()).isEqualTo(encrypted);
  }

  /**
   * A HelloRequest the model server injects before its ServerHello is ignored by s_client (RFC 5246
   * §7.4.1.1: a client ignores it while negotiating), the handshake completes, and the close is
   * clean: s_client's close_notify, and the model server's answer (§7.2.1).
   */
  @Test
  void sClientIgnoresAHelloRequestDuringTheHandshakeAndClosesCleanly() {
    DeviationRun r = run(OpenSslEngine.underTest(), "inject server.hello_request before server.server_hello");

    assertThat(r.ran()).as(r.note()).isTrue();
    assertThat(r.actual()).isEqualTo(Outcome.CLOSED);
    assertThat(r.matches()).isTrue();
    assertThat(r.labels()).endsWith("client.close_notify", "server.close_notify");
  }

  /**
   * Client authentication runs against OpenSSL too: s_server asks with {@code -Verify} and checks
   * the model client's chain against the model CA, s_client sends the model client's certificate.
   * A client that leaves out its Certificate when the server requires one is refused with
   * unexpected_message, as the model expects (RFC 5246 §7.4: its ClientKeyExchange comes where the
   * Certificate must; §7.2.2), and a model server that asks
   * for a certificate gets s_client's, so the handshake completes and closes cleanly.
   */
  @Test
  void clientAuthenticationIsDrivenNotSkipped() {
    HandshakeConfig require = RSA12.withClientAuth(ClientAuth.REQUIRE, ClientCertificate.RSA);

    DeviationRun skipped = run(OpenSslEngine.underTest(), "skip client.certificate", require);
    assertThat(skipped.ran()).as(skipped.note()).isTrue();
    assertThat(skipped.actual()).isEqualTo(Outcome.alert(Side.SERVER, AlertDescription.UNEXPECTED_MESSAGE));
    assertThat(skipped.matches()).isTrue();

    DeviationRun helloRequest = run(OpenSslEngine.underTest(), "inject server.hello_request before server.server_hello", require);
    assertThat(helloRequest.ran()).as(helloRequest.note()).isTrue();
    assertThat(helloRequest.actual()).isEqualTo(Outcome.CLOSED);
    assertThat(helloRequest.labels()).contains("client.certificate", "client.certificate_verify");
  }

  private static EngineUnderTest recording(EngineUnderTest inner, List<RecordingEngine> into) {
    return new EngineUnderTest(inner.name(), (config, peer) -> {
      RecordingEngine e = new RecordingEngine(inner.create(config, peer));
      into.add(e);
      return e;
    }, false);
  }

  private static DeviationRun run(EngineUnderTest sut, String trace) {
    return run(sut, trace, RSA12);
  }

  private static DeviationRun run(EngineUnderTest sut, String trace, HandshakeConfig hc) {
    Configuration c = ConfigMapping.toExplorer(hc).get(0);
    Deviation d = Deviations.derive(c, Deviations.canonicalPath(c)).stream()
        .filter(x -> x.mutation().label().equals(trace)).findFirst().orElseThrow(() -> new AssertionError(trace));
    return new DeviationDriver(c, new ConfigMapping.Target(hc, 1), sut, MessageSamples.forConfig(hc)).run(d);
  }
}
