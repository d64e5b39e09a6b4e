package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.Bytes;
import dev.hslab.output.capture.Pcap;
import dev.hslab.output.capture.Tshark;
import dev.hslab.real.JsseDtlsEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.crypto.SecretKey;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark's own DTLS dissector reads our capture of two SunJSSE DTLS engines over the simulated
 * UDP network: UDP datagrams 10.0.0.1 to 10.0.0.2:4433, the handshake messages of RFC 6347 in
 * order, the Finished messages and the application data decrypted with a key log of SunJSSE's
 * master secret, the server flight sent again after a dropped datagram, no malformed packet and
 * no bad checksum. Skipped when tshark is not installed (CI installs it).
 */
class DtlsCaptureTest {

  private static final Bytes CLIENT_DATA = Bytes.wrap("ping over DTLS".getBytes(StandardCharsets.US_ASCII));
  private static final Bytes SERVER_DATA = Bytes.wrap("pong over DTLS".getBytes(StandardCharsets.US_ASCII));

  @TempDir Path dir;

  @BeforeAll
  static void needsTshark() {
    if ("true".equals(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.assertTrue(tsharkInstalled(), "CI must have tshark: see .ci/run");
    }
    assumeTrue(tsharkInstalled(), "tshark is not installed");
  }

  @Test
  void tsharkDissectsTheUdpCaptureAsDtlsAndDecryptsFinishedAndDataWithTheKeyLog() throws Exception {
    ConnectionSpec base = DtlsOverUdpTest.spec(List.of(dev.hslab.model.fault.Fault.of(dev.hslab.model.fault.FaultKind.DROP,
        new dev.hslab.model.fault.Fault.Target(Side.SERVER, dev.hslab.model.handshake.MessageKind.SERVER_HELLO, 1))));
    ConnectionSpec spec = new ConnectionSpec(base.index(), base.client(), base.server(),
        List.of(new Loopback.Action.Send(Side.CLIENT, CLIENT_DATA), new Loopback.Action.Send(Side.SERVER, SERVER_DATA)),
        base.network(), base.networkRandom());
    Trace trace = DirectRun.run(spec).trace();
    assertThat(trace.events()).anyMatch(e -> e instanceof TraceEvent.OfEngine oe
        && oe.event() instanceof EngineEvent.ApplicationDataReceived d && d.data().equals(SERVER_DATA));

    Path pcap = dir.resolve("dtls.pcap");
    Pcap.write(trace, pcap);
    Path keys = dir.resolve("keys.log");
    JsseDtlsEngine client = (JsseDtlsEngine) spec.client();
    Files.writeString(keys, "CLIENT_RANDOM " + client.negotiated().orElseThrow().clientRandom().hex().toLowerCase(Locale.ROOT)
        + " " + masterSecret(client.session()).hex().toLowerCase(Locale.ROOT) + "\n", StandardCharsets.US_ASCII);
    List<String> as = List.of("-d", "udp.port==4433,dtls", "-o", "tls.keylog_file:" + keys, "-o", "udp.check_checksum:TRUE",
        "-o", "ip.check_checksum:TRUE");

    // Every frame is UDP between the two addresses, the server on 4433.
    assertThat(tshark(pcap, as, "udp", "ip.src")).containsOnly("10.0.0.1", "10.0.0.2");
    assertThat(tshark(pcap, as, "ip.src == 10.0.0.1", "udp.dstport")).containsOnly("4433");
    assertThat(tshark(pcap, as, "ip.src == 10.0.0.2", "udp.srcport")).containsOnly("4433");
    assertThat(tshark(pcap, as, "!dtls", "frame.number")).as("frames not read as DTLS").isEmpty();
    // RFC 6347's handshake as Wireshark reads it, the Finished messages (20) decrypted: client_hello,
    // hello_verify_request, client_hello; the server flight whose ServerHello datagram was dropped
    // (certificate, server_key_exchange, server_hello_done arrive), the client's retransmitted
    // ClientHello, the flight again (twice: the server's timer and its answer), and so on.
    List<String> types = tshark(pcap, as, "dtls.handshake.type", "dtls.handshake.type");
    assertThat(types).startsWith("1", "3", "1", "11", "12", "14", "1");
    assertThat(types).filteredOn("20"::equals).as("Finished, decrypted, both sides").hasSizeGreaterThanOrEqualTo(2);
    assertThat(types).filteredOn("2"::equals).as("the ServerHello, sent again after the drop").hasSizeGreaterThanOrEqualTo(1);
    // The application data, decrypted with the key log.
    List<String> data = tshark(pcap, as, "dtls.app_data", "data.data");
    assertThat(data).contains(CLIENT_DATA.hex().toLowerCase(Locale.ROOT), SERVER_DATA.hex().toLowerCase(Locale.ROOT));
    assertThat(tshark(pcap, as, "udp.checksum.status == 0 || ip.checksum.status == 0", "frame.number"))
        .as("bad checksum").isEmpty();
    assertThat(tshark(pcap, as, "udp", "udp.checksum.status")).containsOnly("1");
    // Wireshark's only complaint is on SunJSSE's second copy of its last flight, which cuts the
    // NewSessionTicket (type 4) into smaller fragments than the first copy: a reassembly overlap
    // that Wireshark files as malformed and itself calls a retransmission.
    assertThat(tshark(pcap, as, "_ws.malformed || _ws.expert.severity >= 0x00600000", "_ws.expert.message"))
        .containsOnly("New fragment overlaps old data (retransmission?)");
    assertThat(tshark(pcap, as, "_ws.malformed", "dtls.handshake.type")).containsOnly("4");
  }

  /** SunJSSE keeps the master secret to itself (no key log in JDK 17): read it from its session, tests only. */
  private static Bytes masterSecret(SSLSession session) throws Exception {
    Class<?> impl = Class.forName("sun.security.ssl.SSLSessionImpl");
    java.lang.reflect.Method m = impl.getDeclaredMethod("getMasterSecret");
    m.setAccessible(true);
    return Bytes.wrap(((SecretKey) m.invoke(session)).getEncoded());
  }

  private static List<String> tshark(Path pcap, List<String> options, String filter, String field)
      throws IOException, InterruptedException {
    return Tshark.fields(pcap, options, filter, field);
  }

  private static boolean tsharkInstalled() {
    return Tshark.installed();
  }
}
