package dev.hslab.model.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole configuration space without faults, and with one fault. */
class SpaceExplorationTest {

  @Test
  void configurationSpaceHasTheLegalCombinationsOnly() {
    List<Configuration> all = ConfigurationSpace.all();
    // Per TLS version: 4 certificate key exchanges x (6 auth/cert pairs x 4 resumptions x
    // 5 renegotiations x 2 closers + 1 failing) + 2 anonymous x 40 + PSK 2 hints x 40 + ECDHE_PSK 40
    // = 1164; SSL 3.0 (RSA, DHE_RSA, DH_anon; no tickets, no ECDSA client cert): 224.
    assertThat(all).hasSize(3 * 1164 + 224).doesNotHaveDuplicates().allMatch(Configuration::legal);
    assertThat(all).noneMatch(c -> c.clientMax().isSsl3() && (c.keyExchange().elliptic() || c.keyExchange().psk()));
    assertThat(all).noneMatch(c -> !c.keyExchange().serverCertificate() && c.clientAuth() != ClientAuth.NONE);
    assertThat(all).noneMatch(c -> c.clientMax().isSsl3() && c.ticket());
  }

  @Test
  void wholeSpaceWithoutFaultsHasStableCounts() {
    ExplorationReport r = Explorer.explore(ExploreOptions.all());
    assertThat(r.ok()).isTrue();
    assertThat(r.configurations()).isEqualTo(3716);
    assertThat(r.states()).isEqualTo(91259);
    assertThat(r.transitions()).isEqualTo(87543);
    // Every configuration completes with exactly one path, except the 16 whose server requires a
    // certificate the client cannot give (RFC 5246 §7.4.6).
    assertThat(r.outcomes()).isEqualTo(Map.of("established", 3700L, "alert server handshake_failure", 16L));
    assertThat(r.paths()).hasSize(3700);
    assertThat(r.distinctPaths()).hasSize(132);
    assertThat(r.distinctPathLengths().firstKey()).isEqualTo(6);  // resumed by session ID
    assertThat(r.distinctPathLengths().lastKey()).isEqualTo(28);  // client auth, ticket, then renegotiation
  }

  @Test
  void parallelExplorationGivesTheSameReport() {
    List<Configuration> some = ConfigurationSpace.where(c -> c.keyExchange() == KeyExchange.DHE_RSA);
    ExplorationReport one = Explorer.explore(ExploreOptions.of(some).withFaults(1));
    ExplorationReport two = Explorer.explore(ExploreOptions.of(some).withFaults(1).withThreads(2));
    assertThat(two.states()).isEqualTo(one.states());
    assertThat(two.transitions()).isEqualTo(one.transitions());
    assertThat(two.outcomes()).isEqualTo(one.outcomes());
    assertThat(two.paths()).isEqualTo(one.paths());
  }

  @Test
  void oneFaultAnywhereBreaksNoInvariantOnTheRealTables() {
    // The guards tell TLS 1.0, 1.1 and 1.2 apart only as "not SSL 3.0", so TLS 1.2 and SSL 3.0
    // stand for all four versions here (the full space takes about three times as long).
    List<Configuration> cs = ConfigurationSpace.where(
        c -> c.clientMax().equals(ProtocolVersion.TLS12) || c.clientMax().isSsl3());
    ExplorationReport r = Explorer.explore(ExploreOptions.of(cs).withFaults(1).withThreads(2));
    assertThat(r.violations()).isEmpty();
    assertThat(r.deadlocks()).isEmpty();
    assertThat(r.ok()).isTrue();
    assertThat(r.outcomesOfKind("alert")).isPositive();
    assertThat(r.outcomesOfKind("timeout")).isPositive();
    // A fault can still leave a run that completes (e.g. an ignored HelloRequest), never a wrong one.
    assertThat(r.outcomes().get("established")).isGreaterThanOrEqualTo(cs.size() - 16);
  }

  @Test
  void lostOrReplayedProtectedRecordsAreDetectedAsBadRecordMac() {
    // RFC 5246 §6.2.3.1: the MAC covers the sequence number. The client's data record is the only
    // record between the handshake and close_notify on its channel.
    Configuration c = Configuration.of(ProtocolVersion.TLS12, KeyExchange.RSA);
    for (FaultKind f : List.of(FaultKind.DROP, FaultKind.DUPLICATE, FaultKind.CORRUPT)) {
      ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(c)).withFaults(1).withFaultKinds(f));
      assertThat(r.ok()).as("%s", f).isTrue();
      assertThat(r.outcomes()).as("%s", f).containsKey("alert server bad_record_mac");
    }
  }

  @Test
  void droppedServerHelloDoneIsATimeoutNamingStateAndAwaitedMessage() {
    Configuration c = Configuration.of(ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA);
    ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(c)).withFaults(1).withFaultKinds(FaultKind.DROP));
    assertThat(r.outcomes()).containsKey("timeout client WAIT_CERTIFICATE_REQUEST waiting for certificate_request|server_hello_done,"
        + " timeout server WAIT_CLIENT_KEY_EXCHANGE waiting for client_key_exchange");
  }

  @Test
  void illegalConfigurationIsRejectedWithItsName() {
    Configuration bad = Configuration.of(ProtocolVersion.TLS12, KeyExchange.DH_ANON)
        .withClientAuth(ClientAuth.REQUIRE, ClientCertificate.RSA);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExploreOptions.of(List.of(bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a legal configuration: tls1.2 dh_anon auth=require/rsa resume=none reneg=none close=client");
  }
}
