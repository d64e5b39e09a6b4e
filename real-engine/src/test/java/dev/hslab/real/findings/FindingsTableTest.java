package dev.hslab.real.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hslab.model.concrete.ConfigMapping;
import dev.hslab.model.concrete.DeviationDriver;
import dev.hslab.model.concrete.DeviationRun;
import dev.hslab.model.concrete.DeviationSuite;
import dev.hslab.model.concrete.EngineUnderTest;
import dev.hslab.model.concrete.MessageSamples;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.Deviation;
import dev.hslab.model.explore.Deviations;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.real.JsseEngineFactory;
import dev.hslab.real.JsseProvider;
import dev.hslab.real.JvmTlsPolicy;
import dev.hslab.real.OpenSslEngine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code hslab findings}' machinery over a sample of real runs: SunJSSE in memory, OpenSSL over
 * 127.0.0.1. The alerts are the ones the engines really sent; the classes come from the rule table.
 */
@Timeout(180)
class FindingsTableTest {

  private static final HandshakeConfig RSA12 = HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.RSA);
  private static final Configuration C = ConfigMapping.toExplorer(RSA12).get(0);

  @Test
  void sunJsseSampleIsClassifiedByTheRules() {
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
    EngineUnderTest jsse = JsseEngineFactory.underTest(JsseProvider.JSSE);
    List<DeviationRun> runs = List.of(
        run(jsse, "skip client.client_key_exchange"), // as the model expects: no row
        run(jsse, "inject client.no_renegotiation before client.client_key_exchange"),
        run(jsse, "inject client.hello_request before client.client_key_exchange"),
        run(jsse, "skip server.certificate"));

    List<Finding> rows = FindingsTable.rows(List.of(result(runs)));

    assertThat(rows).extracting(Finding::trace).containsExactly(2, 3, 4);
    Finding warning = rows.get(0);
    // RFC 5246 §7.2: a receiver that will not go on after a warning SHOULD send a fatal alert.
    assertThat(warning.observed()).containsExactly("alert server handshake_failure");
    assertThat(warning.expected()).isEqualTo("alert server unexpected_message");
    assertThat(warning.role()).isEqualTo("server");
    assertThat(warning.kind()).isEqualTo(FindingClass.ALLOWED);
    assertThat(warning.rule().id()).isEqualTo("refuses-warning");
    assertThat(warning.rule().section()).isEqualTo("RFC 5246 §7.2");
    // SunJSSE's server sends nothing after a client's HelloRequest: the model client times out.
    assertThat(rows.get(1).observed()).containsExactly("timeout");
    assertThat(rows.get(1).kind()).isEqualTo(FindingClass.SILENT);
    assertThat(rows.get(1).rule().id()).isEqualTo("server-crashes-on-hello-request");
    assertThat(rows.get(2).role()).isEqualTo("client");
    assertThat(rows.get(2).observed()).containsExactly("alert client illegal_parameter");
    assertThat(rows.get(2).rule().id()).isEqualTo("server-flight-other-alert");
  }

  @Test
  void openSslIgnoringAWarningIsAllowedNotAConformanceFinding() throws Exception {
    assumeThat(opensslOnThePath()).as("openssl on the PATH").isTrue();
    EngineUnderTest openssl = OpenSslEngine.underTest();
    List<DeviationRun> runs = List.of(
        run(openssl, "inject server.no_certificate before server.server_hello"),
        run(openssl, "inject client.no_renegotiation before client.client_key_exchange"));

    List<Finding> rows = FindingsTable.rows(List.of(result(runs)));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).observed()).containsExactly("completed");
    assertThat(rows.get(0).role()).isEqualTo("client");
    assertThat(rows.get(0).kind()).isEqualTo(FindingClass.ALLOWED);
    assertThat(rows.get(0).rule().id()).isEqualTo("ignores-warning");
    assertThat(rows.get(1).observed()).containsExactly("alert server handshake_failure");
    assertThat(rows.get(1).rule().id()).isEqualTo("refuses-warning");
  }

  @Test
  void aTraceThatEndsDifferentlyInTwoRunsIsNondeterministicNotClassified() {
    Deviation d = deviation("inject client.no_renegotiation before client.client_key_exchange");
    DeviationRun once = new DeviationRun(d, "bcjsse", Outcome.alert(Side.SERVER, AlertDescription.HANDSHAKE_FAILURE), List.of(), "");
    DeviationRun twice = new DeviationRun(d, "bcjsse", Outcome.timeout(), List.of(), "");

    List<Finding> rows = FindingsTable.rows(List.of(result(List.of(once)), result(List.of(twice))));

    assertThat(rows).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingClass.NONDETERMINISTIC);
      assertThat(f.observed()).containsExactly("alert server handshake_failure", "timeout");
      assertThat(f.rule()).isNull();
    });
  }

  @Test
  void aDifferenceNoRuleCoversIsUnclassified() {
    Deviation d = deviation("skip client.client_key_exchange");
    DeviationRun r = new DeviationRun(d, "jsse", Outcome.alert(Side.SERVER, AlertDescription.RECORD_OVERFLOW), List.of(), "");

    List<Finding> rows = FindingsTable.rows(List.of(result(List.of(r))));

    assertThat(rows).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingClass.UNCLASSIFIED);
      assertThat(f.note()).contains("no rule matches");
    });
  }

  private static DeviationSuite.Result result(List<DeviationRun> runs) {
    return new DeviationSuite.Result(RSA12, List.of(C), runs);
  }

  private static Deviation deviation(String trace) {
    return Deviations.derive(C, Deviations.canonicalPath(C)).stream()
        .filter(x -> x.mutation().label().equals(trace)).findFirst().orElseThrow(() -> new AssertionError(trace));
  }

  private static DeviationRun run(EngineUnderTest sut, String trace) {
    DeviationRun r = new DeviationDriver(C, new ConfigMapping.Target(RSA12, 1), sut, MessageSamples.forConfig(RSA12)).run(deviation(trace));
    assertThat(r.ran()).as(r.note()).isTrue();
    return r;
  }

  private static boolean opensslOnThePath() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
