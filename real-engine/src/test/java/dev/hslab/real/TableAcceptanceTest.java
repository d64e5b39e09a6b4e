package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.record.Alert;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.real.conform.Acceptance;
import dev.hslab.real.conform.Observed;
import dev.hslab.real.conform.TableAcceptance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The conformance check runs real sequences through the tables and rejects what the tables do not allow. */
class TableAcceptanceTest {

  private static final ProtocolVersion V = ProtocolVersion.TLS12;

  private static ModelPeers.Run sunJsseServer(ClientCertificate cert) {
    var hc = ModelPeers.config(V, KeyExchange.ECDHE_RSA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, cert,
        Resumption.NONE);
    return new ModelPeers.RealServer(JsseProvider.JSSE, hc).connect(1, Optional.empty(), Connections.EXCHANGE);
  }

  @Test
  void acceptsSunJsseServerSequenceWithClientAuthenticationAndWalksTheServerStates() {
    ModelPeers.Run run = sunJsseServer(ClientCertificate.ECDSA);
    Acceptance a = TableAcceptance.check(Side.SERVER, Observed.of(run.trace().engineEvents(Side.SERVER)));
    assertThat(a.accepted()).as(a.summary()).isTrue();
    assertThat(a.path()).containsSubsequence("WAIT_CLIENT_HELLO", "WAIT_CLIENT_CERTIFICATE", "WAIT_CLIENT_KEY_EXCHANGE",
        "WAIT_CERTIFICATE_VERIFY", "WAIT_CHANGE_CIPHER_SPEC", "WAIT_FINISHED", "ESTABLISHED", "CLOSED");
    // The same run seen from the model client, turned around, is the server's sequence too.
    Acceptance peer = TableAcceptance.check(Side.SERVER, Observed.peerOf(run.trace().engineEvents(Side.CLIENT)));
    assertThat(peer.accepted()).as(peer.summary()).isTrue();
  }

  @Test
  void rejectsCertificateRequestBeforeServerKeyExchange() {
    List<Observed> seq = new ArrayList<>(Observed.of(sunJsseServer(ClientCertificate.RSA).trace().engineEvents(Side.SERVER)));
    int ske = index(seq, "sent.server_key_exchange");
    int cr = index(seq, "sent.certificate_request");
    Collections.swap(seq, ske, cr);
    Acceptance a = TableAcceptance.check(Side.SERVER, seq);
    assertThat(a.accepted()).isFalse();
    assertThat(a.problem()).startsWith((ske + 1) + " sent.certificate_request in WAIT_CLIENT_CERTIFICATE")
        .contains("the table sends server_key_exchange here");
  }

  @Test
  void rejectsFinishedBeforeChangeCipherSpec() {
    List<Observed> seq = new ArrayList<>(Observed.of(sunJsseServer(ClientCertificate.NONE).trace().engineEvents(Side.SERVER)));
    int ccs = index(seq, "recv.change_cipher_spec");
    Collections.swap(seq, ccs, ccs + 1);
    Acceptance a = TableAcceptance.check(Side.SERVER, seq);
    assertThat(a.accepted()).isFalse();
    assertThat(a.problem()).contains("recv.finished in WAIT_CHANGE_CIPHER_SPEC").contains("unexpected_message");
  }

  @Test
  void aTruncatedSequenceIsAcceptedButIncompleteAndAFatalAlertEndsIt() {
    List<Observed> seq = Observed.of(sunJsseServer(ClientCertificate.NONE).trace().engineEvents(Side.SERVER));
    int hello = index(seq, "recv.client_hello");
    Acceptance cut = TableAcceptance.check(Side.SERVER, seq.subList(0, hello + 2));
    assertThat(cut.accepted()).isTrue();
    assertThat(cut.complete()).isFalse();
    assertThat(cut.finalState()).isEqualTo("WAIT_CLIENT_KEY_EXCHANGE");
  }

  @Test
  void aSequenceEndingBeforeTheServerHelloIsCheckable() {
    // hslab connect against a server sharing no suite: ClientHello, then the server's
    // handshake_failure. No ServerHello, so no key exchange to read the optional messages by.
    List<Observed> seq = Observed.of(sunJsseServer(ClientCertificate.NONE).trace().engineEvents(Side.SERVER));
    int hello = index(seq, "recv.client_hello");
    List<Observed> refused = new ArrayList<>(seq.subList(0, hello + 1));
    Alert failure = Alert.fatal(AlertDescription.HANDSHAKE_FAILURE);
    refused.add(new Observed(true, new MessageInfo("alert", null, failure, Alert.LENGTH, false, false,
        failure.toString(), Bytes.EMPTY)));
    Acceptance a = TableAcceptance.check(Side.SERVER, refused);
    assertThat(a.accepted()).as(a.summary()).isTrue();
    assertThat(a.finalState()).isEqualTo("FAILED");
    Acceptance cut = TableAcceptance.check(Side.SERVER, seq.subList(0, hello + 1));
    assertThat(cut.accepted()).as(cut.summary()).isTrue();
    assertThat(cut.complete()).isFalse();
  }

  private static int index(List<Observed> seq, String label) {
    for (int i = 0; i < seq.size(); i++) {
      if (seq.get(i).label().equals(label)) {
        return i;
      }
    }
    throw new AssertionError(label + " not in " + seq.stream().map(Observed::label).toList());
  }
}
