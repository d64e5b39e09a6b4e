package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.SessionKeys;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.Fault.Target;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.ServerHello;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.record.RecordReader;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.record.protect.RecordCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 4: a model engine carries out an inject fault aimed at its own messages as its own
 * record, protected exactly as it protects its neighbours (its current write keys, the next
 * sequence number, RFC 5246 §6.1 and §6.2.3), so the receiver's record layer accepts it and its
 * state machine meets the message out of place: unexpected_message (RFC 5246 §7.4, §7.4.9), never
 * bad_record_mac. The injected message is in the sequence, numbered and marked injected.
 */
class InjectionTest {

  private static final Simulator SIM = Simulator.start();
  private static final HandshakeConfig REF = HandshakeConfig.reference();

  @AfterAll
  static void stop() {
    SIM.close();
  }

  @Test
  void aChangeCipherSpecInjectedBeforeTheClientFinishedIsTheClientsOwnProtectedRecord() throws Exception {
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withFaults(List.of(Fault.inject(new Target(Side.CLIENT, MessageKind.FINISHED), MessageKind.CHANGE_CIPHER_SPEC))));

    assertThat(FaultRuns.failures(r.trace())).isEqualTo("server sends unexpected_message");
    List<Trace.Sent> client = r.trace().sent().stream().filter(s -> s.from() == Side.CLIENT).toList();
    assertThat(client).extracting(s -> s.message().type()).containsExactly(
        "client_hello", "client_key_exchange", "change_cipher_spec", "change_cipher_spec", "finished");
    Trace.Sent injected = client.get(3);
    assertThat(injected.message().injected()).isTrue();
    assertThat(injected.fault()).isEqualTo(NetworkAction.INJECTED);
    assertThat(injected.message().encrypted()).isTrue();
    assertThat(injected.message().detail()).contains("as its own record under its current keys", "state machine");
    // The sender's records, numbered without a gap: the injected one between its CCS and Finished.
    assertThat(client).extracting(Trace.Sent::record).containsExactly(1, 2, 3, 4, 5);

    // What crossed the wire, read with the client's write keys as a receiver would (RFC 5246 §6.2.3):
    // the injected record is sequence number 0 under the new keys, and the Finished after it 1.
    RecordCipher reader = clientWriteKeysAsRead(r);
    TlsRecord inj = record(networkBytes(r, 4));
    assertThat(inj.type()).isEqualTo(ContentType.CHANGE_CIPHER_SPEC);
    assertThat(inj.fragment().length()).as("an AEAD record: explicit nonce, 1 byte, tag").isEqualTo(8 + 1 + 16);
    assertThat(reader.unprotect(inj).fragment()).isEqualTo(Bytes.of((byte) 1));
    TlsRecord finished = reader.unprotect(record(networkBytes(r, 5)));
    assertThat(finished.type()).isEqualTo(ContentType.HANDSHAKE);
    assertThat(finished.fragment().getUnsigned(0)).isEqualTo(20); // finished
  }

  @Test
  void applicationDataBeforeTheClientFinishedIsUnexpectedMessageNotABadMac() {
    // RFC 5246 §7.4.9: nothing but the Finished may follow the ChangeCipherSpec.
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withFaults(List.of(Fault.inject(new Target(Side.CLIENT, MessageKind.FINISHED), MessageKind.APPLICATION_DATA))));

    assertThat(FaultRuns.failures(r.trace())).isEqualTo("server sends unexpected_message");
    assertThat(r.trace().sent()).filteredOn(s -> s.message().injected()).singleElement()
        .satisfies(s -> assertThat(s.message().type()).isEqualTo("application_data"))
        .satisfies(s -> assertThat(s.from()).isEqualTo(Side.CLIENT));
  }

  @Test
  void aChangeCipherSpecInjectedAfterTheHandshakeIsUnexpectedMessage() {
    ConnectionResult r = FaultRuns.run(SIM, REF, NetworkOptions.perfect()
        .withFaults(List.of(Fault.inject(new Target(Side.CLIENT, MessageKind.APPLICATION_DATA), MessageKind.CHANGE_CIPHER_SPEC))));

    assertThat(FaultRuns.failures(r.trace())).isEqualTo("server sends unexpected_message");
    assertThat(r.trace().sent()).filteredOn(s -> s.message().injected()).singleElement()
        .satisfies(s -> assertThat(s.message().encrypted()).isTrue());
  }

  @Test
  void withoutAnInjectFaultTheSequenceIsUnchanged() {
    ConnectionResult clean = FaultRuns.run(SIM, REF, NetworkOptions.perfect());
    ConnectionResult other = FaultRuns.run(SIM, REF, NetworkOptions.perfect().withFaults(List.of(
        Fault.inject(new Target(Side.SERVER, MessageKind.HELLO_REQUEST), MessageKind.CHANGE_CIPHER_SPEC))));

    // An injection whose target never comes sends nothing and changes no byte.
    assertThat(other.trace().events()).isEqualTo(clean.trace().events());
  }

  private static RecordCipher clientWriteKeysAsRead(ConnectionResult r) throws Exception {
    ModelEngine<?> client = (ModelEngine<?>) r.client();
    ClientHello ch = (ClientHello) HandshakeCodec.decode(r.trace().sent().get(0).message().encoding(),
        DecodeContext.of(ProtocolVersion.TLS12));
    ServerHello sh = (ServerHello) HandshakeCodec.decode(r.trace().sent().stream()
        .filter(s -> s.message().type().equals("server_hello")).findFirst().orElseThrow().message().encoding(),
        DecodeContext.of(ProtocolVersion.TLS12));
    CipherSuite suite = sh.knownSuite().orElseThrow();
    SessionKeys keys = KeyDerivation.of(sh.serverVersion(), suite)
        .sessionKeys(client.masterSecret().orElseThrow(), ch.random(), sh.random());
    return RecordCipher.forReading(suite, sh.serverVersion(), keys.client());
  }

  private static Bytes networkBytes(ConnectionResult r, int record) {
    return r.trace().events().stream().filter(e -> e instanceof TraceEvent.OfNetwork n && n.from() == Side.CLIENT
        && n.record() == record).map(e -> ((TraceEvent.OfNetwork) e).bytes()).findFirst().orElseThrow();
  }

  private static TlsRecord record(Bytes encoded) throws Exception {
    RecordReader reader = new RecordReader();
    reader.feed(encoded.toByteArray());
    return reader.take().orElseThrow();
  }
}
