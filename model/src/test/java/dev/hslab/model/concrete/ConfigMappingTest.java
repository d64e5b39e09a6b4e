package dev.hslab.model.concrete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one configuration space's runs, and how a run and its connections map onto each other. */
class ConfigMappingTest {

  @Test
  void runsAreCountedFromTheVocabulary() {
    // Per TLS version: 4 certificate key exchanges x 4 authentications (none, request, require/rsa,
    // require/ecdsa) x 3 resumptions + 2 anonymous x 3 + PSK 3 x 2 hints + ECDHE_PSK 3 = 63.
    // SSL 3.0 (RSA, DHE_RSA, DH_anon; no ECDSA client certificate, no tickets): 2 x 3 x 2 + 2 = 14.
    assertThat(ConfigurationSpace.runs()).hasSize(3 * 63 + 14).doesNotHaveDuplicates();
    // Each side renegotiates, for every version x key exchange: (3 x 8 + 3) x 2.
    assertThat(ConfigurationSpace.renegotiations()).hasSize(54).doesNotHaveDuplicates();
  }

  @Test
  void theKeyExchangesOfAVersionAreTheRegistrysOnes() {
    for (ProtocolVersion v : ProtocolVersion.SUPPORTED) {
      for (KeyExchange k : KeyExchange.values()) {
        assertThat(Configuration.keyExchangeAllowed(k, v)).as("%s %s", v, k).isEqualTo(!CipherSuite.of(k, v).isEmpty());
      }
    }
  }

  @Test
  void everyRunIsARunOfConnectionsOfTheSpace() {
    Set<Configuration> all = new HashSet<>(ConfigurationSpace.all());
    for (Configuration last : concat(ConfigurationSpace.runs(), ConfigurationSpace.renegotiations())) {
      HandshakeConfig hc = ConfigMapping.run(last, 5);
      assertThat(hc.problems()).as("%s", last).isEmpty();
      assertThat(hc.seed()).isEqualTo(5);
      List<Configuration> connections = ConfigMapping.toExplorer(hc);
      assertThat(connections).as("%s", last).hasSize(hc.resumption() == Resumption.NONE ? 1 : 2).endsWith(last);
      assertThat(all).containsAll(connections);
    }
  }

  @Test
  void aRunIsItsFlagsAndItsTwoConnectionsAreTheFirstAndTheResumedOne() {
    Configuration resumed = Configuration.of(ProtocolVersion.TLS12, KeyExchange.RSA)
        .withClientAuth(ClientAuth.REQUIRE, ClientCertificate.ECDSA).withResumption(Resumption.TICKET, true);
    HandshakeConfig hc = ConfigMapping.run(resumed, 3);
    assertThat(hc).isEqualTo(HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.RSA)
        .withClientAuth(ClientAuth.REQUIRE, ClientCertificate.ECDSA).withResumption(Resumption.TICKET).withSeed(3));
    Configuration first = resumed.withResumption(Resumption.TICKET, false);
    assertThat(first.label()).contains("resume=ticket_issued");
    assertThat(resumed.label()).contains("resume=ticket ");
    assertThat(ConfigMapping.toExplorer(hc)).containsExactly(first, resumed);
    assertThat(ConfigMapping.toHandshake(first, 3)).contains(new ConfigMapping.Target(hc, 1));
    assertThat(ConfigMapping.toHandshake(resumed, 3)).contains(new ConfigMapping.Target(hc, 2));
    // The first connection of a run is not the last one of any run.
    assertThatThrownBy(() -> ConfigMapping.run(first, 3)).isInstanceOf(IllegalArgumentException.class);
    // A session-ID run's first connection is the plain full handshake.
    Configuration byId = Configuration.of(ProtocolVersion.SSL3, KeyExchange.DHE_RSA).withResumption(Resumption.ID, true);
    assertThat(ConfigMapping.toExplorer(ConfigMapping.run(byId, 1)))
        .containsExactly(Configuration.of(ProtocolVersion.SSL3, KeyExchange.DHE_RSA), byId);
    assertThat(Configuration.of(ProtocolVersion.SSL3, KeyExchange.DHE_RSA).withResumption(Resumption.ID, false).legal())
        .isFalse();
    assertThat(Configuration.of(ProtocolVersion.TLS12, KeyExchange.RSA).withResumption(Resumption.NONE, true).legal())
        .isFalse();
  }

  @Test
  void aRefusedRenegotiationHasNoRun() {
    Configuration refused = Configuration.of(ProtocolVersion.TLS12, KeyExchange.RSA).withRenegotiation(Renegotiation.CLIENT, false);
    assertThat(ConfigMapping.toHandshake(refused, 1)).isEmpty();
    assertThatThrownBy(() -> ConfigMapping.run(refused, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Configuration> concat(List<Configuration> a, List<Configuration> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
