package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault kind at every message of the reference handshake (TLS 1.2, ECDHE_RSA), and what
 * each side does about it. TLS runs over a stream: a lost message leaves no gap to wait for, so
 * the next one of its flight arrives in its place (unexpected_message); a lost last message of a
 * flight stalls both sides until their handshake timers (30 s virtual) fire. Corruption is a bit
 * flip of the record's last byte, truncation keeps the header and half the body, a delay is 31 s.
 */
class FaultMatrixTest {

  private static final Simulator SIM = Simulator.start();
  private static final HandshakeConfig REF = HandshakeConfig.reference();
  private static final Map<String, Integer> LENGTHS =
      FaultRuns.recordLengths(FaultRuns.run(SIM, REF, NetworkOptions.perfect()).trace());

  private static final String STALL_AFTER_HELLO = "server times out in WAIT_CLIENT_HELLO waiting for client_hello, "
      + "client times out in WAIT_SERVER_HELLO waiting for server_hello";
  // The client's state after ServerKeyExchange also accepts the optional CertificateRequest; the
  // model engine names the first row it waits for (see the report).
  private static final String STALL_BEFORE_DONE = "server times out in WAIT_CLIENT_KEY_EXCHANGE waiting for "
      + "client_key_exchange, client times out in WAIT_CERTIFICATE_REQUEST waiting for server_hello_done";
  private static final String STALL_CLIENT_FINISHED = "server times out in WAIT_FINISHED waiting for finished, "
      + "client times out in WAIT_CHANGE_CIPHER_SPEC waiting for change_cipher_spec";
  // The server is established; with nothing more from the client its idle timer (60 s) fires.
  private static final String STALL_SERVER_FINISHED = "client times out in WAIT_FINISHED waiting for finished, "
      + "server times out in ESTABLISHED waiting for application_data";

  @AfterAll
  static void stop() {
    SIM.close();
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    // drop
    row(rows, "drop", "client.client_hello", STALL_AFTER_HELLO);
    row(rows, "drop", "server.server_hello", "client sends unexpected_message"); // Certificate in WAIT_SERVER_HELLO
    row(rows, "drop", "server.certificate", "client sends unexpected_message");
    row(rows, "drop", "server.server_key_exchange", "client sends unexpected_message"); // ECDHE needs it
    row(rows, "drop", "server.server_hello_done", STALL_BEFORE_DONE);
    row(rows, "drop", "client.client_key_exchange", "server sends unexpected_message"); // CCS before CKE
    row(rows, "drop", "client.change_cipher_spec", "server sends unexpected_message");
    row(rows, "drop", "client.finished", STALL_CLIENT_FINISHED);
    row(rows, "drop", "server.change_cipher_spec", "client sends unexpected_message");
    row(rows, "drop", "server.finished", STALL_SERVER_FINISHED);
    // duplicate: a second copy of a plaintext message is out of place; a copy of a protected
    // record (or of a CCS, read after the keys changed) fails its MAC (RFC 5246 §6.2.3.3: the
    // sequence number is in the MAC / AEAD nonce).
    row(rows, "duplicate", "client.client_hello", "server sends unexpected_message");
    row(rows, "duplicate", "server.server_hello", "client sends unexpected_message");
    row(rows, "duplicate", "server.certificate", "client sends unexpected_message");
    row(rows, "duplicate", "server.server_key_exchange", "client sends unexpected_message");
    row(rows, "duplicate", "server.server_hello_done", "client sends unexpected_message");
    row(rows, "duplicate", "client.client_key_exchange", "server sends unexpected_message");
    row(rows, "duplicate", "client.change_cipher_spec", "server sends bad_record_mac");
    row(rows, "duplicate", "client.finished", "server sends bad_record_mac");
    row(rows, "duplicate", "server.change_cipher_spec", "client sends bad_record_mac");
    row(rows, "duplicate", "server.finished", "client sends bad_record_mac");
    // reorder (swap with the next record): the last record of a flight has none and arrives intact.
    row(rows, "reorder", "client.client_hello", "established");
    row(rows, "reorder", "server.server_hello", "client sends unexpected_message");
    row(rows, "reorder", "server.certificate", "client sends unexpected_message");
    row(rows, "reorder", "server.server_key_exchange", "client sends unexpected_message");
    row(rows, "reorder", "server.server_hello_done", "established");
    row(rows, "reorder", "client.client_key_exchange", "server sends unexpected_message");
    row(rows, "reorder", "client.change_cipher_spec", "server sends unexpected_message"); // Finished before CCS
    row(rows, "reorder", "client.finished", "established");
    row(rows, "reorder", "server.change_cipher_spec", "client sends unexpected_message");
    row(rows, "reorder", "server.finished", "established");
    // corrupt the last byte
    row(rows, "corrupt", "client.client_hello", "server sends decode_error"); // renegotiation_info's length
    // ServerHello's last byte is an ec_point_formats value the client accepts; the transcripts then
    // differ, so with the extended master secret (RFC 7627) the keys differ: the client's Finished
    // record fails the server's MAC check.
    row(rows, "corrupt", "server.server_hello", "server sends bad_record_mac");
    row(rows, "corrupt", "server.certificate", "client sends unknown_ca"); // the CA certificate's signature
    row(rows, "corrupt", "server.server_key_exchange", "client sends decrypt_error"); // RFC 5246 §7.4.3 signature
    row(rows, "corrupt", "server.server_hello_done", STALL_BEFORE_DONE); // length 0 -> 1: waits for a body byte
    row(rows, "corrupt", "client.client_key_exchange", "server sends bad_record_mac"); // another ECDH point
    row(rows, "corrupt", "client.change_cipher_spec", "server sends decode_error"); // the CCS value must be 1
    row(rows, "corrupt", "client.finished", "server sends bad_record_mac");
    row(rows, "corrupt", "server.change_cipher_spec", "client sends decode_error");
    row(rows, "corrupt", "server.finished", "client sends bad_record_mac");
    // truncate: the stream then reads the next records as the rest of this one
    row(rows, "truncate", "client.client_hello", STALL_AFTER_HELLO);
    row(rows, "truncate", "server.server_hello", "client sends decode_error");
    row(rows, "truncate", "server.certificate", "server times out in WAIT_CLIENT_KEY_EXCHANGE waiting for "
        + "client_key_exchange, client times out in WAIT_SERVER_CERTIFICATE waiting for certificate");
    row(rows, "truncate", "server.server_key_exchange", "server times out in WAIT_CLIENT_KEY_EXCHANGE waiting for "
        + "client_key_exchange, client times out in WAIT_SERVER_KEY_EXCHANGE waiting for server_key_exchange");
    row(rows, "truncate", "server.server_hello_done", STALL_BEFORE_DONE);
    row(rows, "truncate", "client.client_key_exchange", "server sends unexpected_message");
    row(rows, "truncate", "client.change_cipher_spec", "server sends decode_error"); // body is the next record's 0x16
    row(rows, "truncate", "client.finished", STALL_CLIENT_FINISHED);
    row(rows, "truncate", "server.change_cipher_spec", "client sends decode_error");
    row(rows, "truncate", "server.finished", STALL_SERVER_FINISHED);
    // delay beyond the handshake timeout: in-order delivery holds up the rest of the flight too
    row(rows, "delay", "client.client_hello", STALL_AFTER_HELLO);
    row(rows, "delay", "server.server_hello", "server times out in WAIT_CLIENT_KEY_EXCHANGE waiting for "
        + "client_key_exchange, client times out in WAIT_SERVER_HELLO waiting for server_hello");
    row(rows, "delay", "server.certificate", "server times out in WAIT_CLIENT_KEY_EXCHANGE waiting for "
        + "client_key_exchange, client times out in WAIT_SERVER_CERTIFICATE waiting for certificate");
    row(rows, "delay", "server.server_key_exchange", "server times out in WAIT_CLIENT_KEY_EXCHANGE waiting for "
        + "client_key_exchange, client times out in WAIT_SERVER_KEY_EXCHANGE waiting for server_key_exchange");
    row(rows, "delay", "server.server_hello_done", STALL_BEFORE_DONE);
    row(rows, "delay", "client.client_key_exchange", "server times out in WAIT_CLIENT_KEY_EXCHANGE waiting for "
        + "client_key_exchange, client times out in WAIT_CHANGE_CIPHER_SPEC waiting for change_cipher_spec");
    row(rows, "delay", "client.change_cipher_spec", "server times out in WAIT_CHANGE_CIPHER_SPEC waiting for "
        + "change_cipher_spec, client times out in WAIT_CHANGE_CIPHER_SPEC waiting for change_cipher_spec");
    row(rows, "delay", "client.finished", STALL_CLIENT_FINISHED);
    row(rows, "delay", "server.change_cipher_spec", "client times out in WAIT_CHANGE_CIPHER_SPEC waiting for "
        + "change_cipher_spec, server times out in ESTABLISHED waiting for application_data");
    row(rows, "delay", "server.finished", STALL_SERVER_FINISHED);
    return rows.stream();
  }

  private static void row(List<Arguments> rows, String kind, String target, String expected) {
    rows.add(Arguments.of(kind, target, expected));
  }

  /** The typed fault of a row; its spec is the row's words with the matrix's argument. */
  private static Fault fault(String kind, String target) {
    int dot = target.indexOf('.');
    Fault.Target t = new Fault.Target(Side.valueOf(target.substring(0, dot).toUpperCase(Locale.ROOT)),
        MessageKind.valueOf(target.substring(dot + 1).toUpperCase(Locale.ROOT)));
    FaultKind k = FaultKind.valueOf(kind.toUpperCase(Locale.ROOT));
    int len = LENGTHS.get(target);
    Fault f = switch (k) {
      case CORRUPT -> Fault.corrupt(t, len - 1);
      case TRUNCATE -> Fault.truncate(t, 5 + (len - 5) / 2);
      case DELAY -> Fault.delay(t, NetworkOptions.DEFAULT_HANDSHAKE_TIMEOUT_MS + 1000);
      default -> Fault.of(k, t);
    };
    assertThat(f.spec()).startsWith(kind + ":" + target);
    return f;
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("matrix")
  void eachFaultAtEachMessageEndsAsTlsSays(String kind, String target, String expected) {
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect().withFaults(List.of(fault(kind, target))));
    assertThat(FaultRuns.failures(r.trace())).isEqualTo(expected);
    // The fault hit the message it named, and the trace says so.
    assertThat(r.trace().events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
        dev.hslab.model.trace.TraceEvent.OfNetwork.class, n -> assertThat(n.action().label()).startsWith(kind.substring(0, 4))));
    assertSafe(r);
  }

  /** Never both sides established with different keys; no data from a broken handshake. */
  static void assertSafe(ConnectionResult r) {
    Optional<Negotiated> c = r.client().negotiated();
    Optional<Negotiated> s = r.server().negotiated();
    boolean clientDone = r.trace().engineEvents(Side.CLIENT).stream().anyMatch(e -> e instanceof EngineEvent.Established);
    boolean serverDone = r.trace().engineEvents(Side.SERVER).stream().anyMatch(e -> e instanceof EngineEvent.Established);
    if (clientDone && serverDone) {
      assertThat(c.get().masterSecret()).isEqualTo(s.get().masterSecret());
    }
    boolean broken = !(clientDone && serverDone);
    if (broken) {
      assertThat(r.trace().events()).noneSatisfy(e -> assertThat(e).isInstanceOfSatisfying(
          dev.hslab.model.trace.TraceEvent.OfEngine.class,
          oe -> assertThat(oe.event()).isInstanceOf(EngineEvent.ApplicationDataReceived.class)));
    }
  }

  @Test
  void everyHandshakeMessageOfTheReferenceIsCovered() {
    assertThat(matrix().map(a -> (String) a.get()[1]).distinct().toList()).containsExactlyElementsOf(
        FaultRuns.run(SIM, REF, NetworkOptions.perfect()).trace().labels().subList(0, 10));
    assertThat(matrix().map(a -> (String) a.get()[0]).distinct().toList())
        .containsExactly("drop", "duplicate", "reorder", "corrupt", "truncate", "delay");
  }
}
