package dev.hslab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelEngineSmokeTest {

  @Test
  void ecdheRsaTls12CompletesAndCarriesData() {
    TestPki pki = TestPki.get();
    RandomSource r = RandomSource.seeded(1);
    EngineConfig client = EngineConfig.client(r.fork("client")).version(ProtocolVersion.TLS12)
        .cipherSuites(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256))
        .trustAnchors(List.of(pki.ca.rootCertificate())).build();
    EngineConfig server = EngineConfig.server(r.fork("server")).version(ProtocolVersion.TLS12)
        .identities(List.of(pki.serverRsa)).build();
    ModelEngine<?> c = ModelEngine.create(client);
    ModelEngine<?> s = ModelEngine.create(server);
    Trace t = Loopback.run(c, s, List.of(new Loopback.Action.Send(Side.CLIENT, Bytes.fromHex("68656c6c6f"))));
    assertThat(t.labels()).containsExactly("client.client_hello", "server.server_hello", "server.certificate",
        "server.server_key_exchange", "server.server_hello_done", "client.client_key_exchange",
        "client.change_cipher_spec", "client.finished", "server.change_cipher_spec", "server.finished",
        "client.application_data");
    assertThat(c.established()).isTrue();
    assertThat(s.established()).isTrue();
    // The loopback numbers each message's record as its OfNetwork event does, and faults none.
    assertThat(t.sent()).extracting(m -> m.from().label() + "@" + m.record()).containsExactly("client@1", "server@1",
        "server@2", "server@3", "server@4", "client@2", "client@3", "client@4", "server@5", "server@6", "client@5");
    assertThat(t.sent()).allSatisfy(m -> {
      assertThat(m.fault()).isNull();
      assertThat(t.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TraceEvent.OfNetwork.class,
          n -> assertThat(n.from() + "#" + n.record()).isEqualTo(m.from() + "#" + m.record())));
    });
  }
}
