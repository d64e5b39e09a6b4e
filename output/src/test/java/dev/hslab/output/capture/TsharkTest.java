package dev.hslab.output.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.output.testkit.BcHandshake;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wireshark's own dissector reads our capture of a real BouncyCastle TLS 1.2 connection: it
 * reports the handshake messages in order, decrypts Finished, the HTTP exchange and the
 * close_notify alerts with our key log, and finds no malformed packet, bad checksum or TCP
 * anomaly. Skipped when tshark is not installed (CI installs it).
 */
class TsharkTest {

  // tshark's expert severities (epan/proto.h): PI_WARN = 0x00600000.
  private static final String PROBLEMS = "_ws.malformed || _ws.expert.severity >= 0x00600000 || tcp.analysis.flags"
      + " || ip.checksum.status == 0 || tcp.checksum.status == 0";
  private static final List<String> CHECKSUMS = List.of("-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE");

  @TempDir Path dir;

  @BeforeAll
  static void needsTshark() {
    // CI installs tshark (.ci/run): there a missing tshark is a failure, not a skip.
    if ("true".equals(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.assertTrue(tsharkInstalled(), "CI must have tshark: see .ci/run");
    }
    assumeTrue(tsharkInstalled(), "tshark is not installed");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0xC02F, 1;2;11;12;14;16;20;20",
    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,    0xC013, 1;2;11;12;14;16;20;20",
    "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256,   0x0067, 1;2;11;12;14;16;20;20",
    "TLS_RSA_WITH_AES_128_GCM_SHA256,       0x009C, 1;2;11;14;16;20;20",
  })
  void tsharkDissectsAndDecryptsTheCaptureWithTheKeyLog(String name, String code, String handshakeTypes) throws Exception {
    Path[] files = write(Integer.decode(code));
    List<String> keyed = List.of("-o", "tls.keylog_file:" + files[1]);

    List<String> handshake = tshark(files[0], keyed, "tls.handshake.type", "tls.handshake.type");
    assertThat(String.join(";", handshake)).as("handshake types in order, Finished decrypted").isEqualTo(handshakeTypes);
    assertThat(tshark(files[0], keyed, "tls.record.content_type", "tls.record.content_type"))
        .as("record types: handshake, CCS, handshake; CCS, Finished; data; alerts")
        .endsWith("20", "22", "20", "22", "23", "23", "21", "21");
    assertThat(tshark(files[0], keyed, "http", "http.request.method")).containsExactly("GET");
    assertThat(tshark(files[0], keyed, "http", "http.response.code")).containsExactly("200");
    assertThat(tshark(files[0], keyed, "tls.alert_message", "tls.alert_message.desc")).containsExactly("0", "0");

    List<String> all = new ArrayList<>(keyed);
    all.addAll(CHECKSUMS);
    assertThat(tshark(files[0], all, PROBLEMS, "frame.number")).as("malformed, bad checksum or TCP anomaly").isEmpty();
    assertThat(tshark(files[0], all, "tcp", "tcp.checksum.status")).containsOnly("1");
    assertThat(tshark(files[0], all, "ip", "ip.checksum.status")).containsOnly("1");
  }

  /**
   * A model-engine run of each key exchange over the loopback (data both ways, then close_notify):
   * tshark decrypts it with the master secret from the key log whatever the key exchange, and
   * reports the handshake types of RFC 5246 §7.3 (RFC 4279 §2 for PSK: no ServerKeyExchange
   * without a hint; RFC 4492 §2 for the ECDH ones) in order, as our trace sent them. The model's
   * first ECDHE_PSK choice, TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256 (0xD001, RFC 8442), is not in
   * Wireshark 4.0's cipher-suite table, so it cannot decrypt it whatever the keys; that row offers
   * the RFC 5489 CBC suite instead (an empty suite column means the default offer).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "RSA,         , 1;2;11;14;16;20;20",
    "DHE_RSA,     , 1;2;11;12;14;16;20;20",
    "ECDHE_RSA,   , 1;2;11;12;14;16;20;20",
    "ECDHE_ECDSA, , 1;2;11;12;14;16;20;20",
    "DH_ANON,     , 1;2;12;14;16;20;20",
    "ECDH_ANON,   , 1;2;12;14;16;20;20",
    "PSK,         , 1;2;14;16;20;20",
    "ECDHE_PSK,   TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256, 1;2;12;14;16;20;20",
  })
  void tsharkDecryptsAModelEngineRunOfEachKeyExchange(KeyExchange kex, String suite, String handshakeTypes) throws Exception {
    HandshakeConfig base = HandshakeConfig.of(ProtocolVersion.TLS12, kex);
    HandshakeConfig hc = suite == null ? base : new HandshakeConfig(base.clientMin(), base.clientMax(), base.serverMin(),
        base.serverMax(), kex, List.of(dev.hslab.model.suite.CipherSuite.valueOf(suite)), base.clientAuth(),
        base.clientCertificate(), base.resumption(), base.renegotiation(), false, base.seed());
    List<Trace> run = LoopbackRun.run(hc).stream().map(LoopbackRun.Connection::trace).toList();
    Path pcap = dir.resolve("model.pcap");
    Path keys = dir.resolve("model-keys.log");
    Pcap.write(run, hc.seed(), pcap);
    KeyLog.write(run.get(0), keys);
    List<String> keyed = List.of("-o", "tls.keylog_file:" + keys);

    List<String> sent = new ArrayList<>();
    for (Trace.Sent m : run.get(0).sent()) {
      if (m.message().kind() != null && m.message().kind().isHandshake()) {
        sent.add(Integer.toString(m.message().kind().handshakeType().code()));
      }
    }
    assertThat(String.join(";", sent)).as("what the model sent").isEqualTo(handshakeTypes);
    assertThat(String.join(";", tshark(pcap, keyed, "tls.handshake.type", "tls.handshake.type")))
        .as("what tshark dissected, Finished decrypted").isEqualTo(handshakeTypes);
    // Both sides' application data decrypted, and the client's close_notify.
    assertThat(tshark(pcap, keyed, "tls.alert_message", "tls.alert_message.desc")).contains("0");
    assertThat(tshark(pcap, keyed, "tls.app_data", "frame.number")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(tshark(pcap, List.of(), "tls.alert_message", "tls.alert_message.desc")).as("encrypted alerts without keys").isEmpty();

    List<String> all = new ArrayList<>(keyed);
    all.addAll(CHECKSUMS);
    assertThat(tshark(pcap, all, PROBLEMS, "frame.number")).as("malformed, bad checksum or TCP anomaly").isEmpty();
  }

  @Test
  void withoutTheKeyLogFinishedAndDataStayEncrypted() throws Exception {
    Path[] files = write(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    assertThat(String.join(";", tshark(files[0], List.of(), "tls.handshake.type", "tls.handshake.type")))
        .isEqualTo("1;2;11;12;14;16");
    assertThat(tshark(files[0], List.of(), "http", "frame.number")).isEmpty();
  }

  private Path[] write(int suite) throws IOException {
    Trace t = BcHandshake.run(suite, 1);
    Path pcap = dir.resolve("run.pcap");
    Path keys = dir.resolve("keys.log");
    Pcap.write(t, pcap);
    KeyLog.write(t, keys);
    return new Path[] {pcap, keys};
  }

  private static List<String> tshark(Path pcap, List<String> options, String filter, String field)
      throws IOException, InterruptedException {
    return Tshark.fields(pcap, options, filter, field);
  }

  private static boolean tsharkInstalled() {
    return Tshark.installed();
  }
}
