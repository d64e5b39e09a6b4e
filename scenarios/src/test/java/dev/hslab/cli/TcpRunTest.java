package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hslab run --loss 0.05} over the simulated TCP: the printed sequence shows the lost
 * segment and its retransmission, and Wireshark's dissector, which we did not write, finds the
 * retransmission in the capture and still decrypts both Finished messages with the key log.
 */
class TcpRunTest {

  @TempDir Path dir;

  @Test
  void aLostSegmentIsResentAfterTheRtoAndTheHandshakeCompletes() {
    RunCommandTest.Result r = RunCommandTest.hslab("run", "--loss", "0.05", "--seed", "4");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains(
        "            2.0 ms  client  --> server  tcp PSH,ACK seq 1-134 ack 1         134 B  ** lost **",
        "         1002.0 ms  client  --> server  tcp PSH,ACK seq 1-134 ack 1         134 B  ** retransmission **",
        "    2    1003.0 ms  client <--  server  ServerHello",
        TcpNote.LAYERS,
        "established: TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, master secrets match");
    // Without TCP the same loss rate is paid with handshakes, and nothing is retransmitted.
    assertThat(RunCommandTest.hslab("run", "--loss", "0.05", "--seed", "4", "--transport", "none").out())
        .doesNotContain("tcp ", TcpNote.LAYERS);
  }

  @Test
  void aBadTransportIsOneLine() {
    RunCommandTest.Result r = RunCommandTest.hslab("run", "--transport", "udp");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("hslab run: --transport 'udp': unknown transport 'udp'; one of tcp, none");
    assertThat(RunCommandTest.hslab("run", "--min-rto", "0").exit()).isEqualTo(2);
  }

  @Test
  void tsharkListsTheRetransmissionsAndDecryptsTheFinishedMessages() throws Exception {
    assumeTrue(tsharkInstalled(), "tshark is not installed");
    // Seed 16: two data segments lost, one of them twice (its ACK lost too): three retransmissions.
    RunCommandTest.Result r = RunCommandTest.hslab("run", "--loss", "0.05", "--seed", "16", "--out", dir.toString());
    assertThat(r.exit()).isZero();
    long printed = r.out().lines().filter(l -> l.contains("** retransmission **")).count();
    assertThat(printed).isEqualTo(3);
    Path pcap = dir.resolve("capture.pcap");
    List<String> keyed = List.of("-o", "tls.keylog_file:" + dir.resolve("keys.log"));
    List<String> retransmitted = tshark(pcap, List.of(), "tcp.analysis.retransmission", "tcp.seq");
    assertThat(retransmitted).hasSize((int) printed);
    // Relative sequence numbers: the ones the printed lines show.
    assertThat(retransmitted).containsExactly("228", "228", "270");
    assertThat(tshark(pcap, keyed, "tls.handshake.type == 20", "tls.handshake.type")).containsExactly("16", "20", "20");
  }

  /** One field of the packets matching {@code filter}, as tshark prints them (comma-separated values split out). */
  private static List<String> tshark(Path pcap, List<String> options, String filter, String field) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString()));
    cmd.addAll(options);
    cmd.addAll(List.of("-Y", filter, "-T", "fields", "-e", field));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("tshark %s", cmd).isTrue();
    return out.lines().flatMap(l -> Arrays.stream(l.strip().split(","))).filter(v -> !v.isEmpty()).toList();
  }

  private static boolean tsharkInstalled() {
    try {
      Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
