package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The one filter from the configuration flags selects what explore/render (connections) and faults
 * (runs) selected before with their two filters. The expected sizes are counted from the
 * vocabulary, as {@code SpaceExplorationTest} counts the whole space: per TLS version a certificate
 * key exchange has 6 client-auth/certificate pairs x 4 sessions (none, ticket issued, resumed by
 * ID, resumed by ticket) x 5 renegotiations (none; client or server, accepted or refused) x 2
 * closers + 1 failing (required, no certificate) = 241; SSL 3.0 has 5 pairs x 2 sessions x 10 + 2
 * failing = 102.
 */
class ConfigFilterTest {

  private static ConfigFilter filter(String... flags) throws UsageException {
    ConfigOptions o = new ConfigOptions();
    new CommandLine(o).parseArgs(flags);
    return ConfigFilter.of(o);
  }

  private static List<Configuration> connections(String... flags) throws UsageException {
    return filter(flags).connections();
  }

  private static List<String> labels(List<Configuration> cs) {
    return cs.stream().map(Configuration::label).toList();
  }

  /** The configurations of the whole space whose label passes {@code keep}: what the flags mean, read off the names. */
  private static List<String> allWhoseLabel(Predicate<String> keep) {
    return labels(ConfigurationSpace.all()).stream().filter(keep).toList();
  }

  @Test
  void noFlagIsTheWholeSpace() throws Exception {
    assertThat(connections()).hasSize(3716).isEqualTo(ConfigurationSpace.all());
  }

  @Test
  void versionAndKeyExchange() throws Exception {
    assertThat(labels(connections("--version", "tls1.2", "--kex", "rsa")))
        .hasSize(241).isEqualTo(allWhoseLabel(l -> l.startsWith("tls1.2 rsa ")));
    assertThat(connections("--version", "ssl3", "--kex", "dhe_rsa")).hasSize(102);
  }

  @Test
  void resumeIdKeepsBothConnectionsOfTheRunTicketBothAndNoneTheFullHandshakes() throws Exception {
    // Sessions none and resumed-by-ID: per TLS version 4 x (6 x 2 x 10 + 1) + 2 anonymous x 20 + PSK 2 x 20
    // + ECDHE_PSK 20 = 584; SSL 3.0 has no tickets, so all of its 224.
    assertThat(labels(connections("--resume", "id")))
        .hasSize(3 * 584 + 224).isEqualTo(allWhoseLabel(l -> l.contains(" resume=none ") || l.contains(" resume=id ")));
    assertThat(labels(connections("--resume", "ticket")))
        .isEqualTo(allWhoseLabel(l -> l.contains(" resume=ticket_issued ") || l.contains(" resume=ticket ")));
    assertThat(labels(connections("--resume", "none"))).isEqualTo(allWhoseLabel(l -> l.contains(" resume=none ")));
    // Client authentication required with a certificate (required without one fails, so never resumes):
    // 2 certificates x 2 ticket sessions x 10 x 4 key exchanges x 3 TLS versions.
    assertThat(connections("--resume", "ticket", "--client-auth", "require")).hasSize(480)
        .allMatch(c -> c.resumption() == Resumption.TICKET && c.clientAuth() == ClientAuth.REQUIRE);
  }

  @Test
  void clientAuthenticationFlags() throws Exception {
    // ECDSA client certificates: TLS 2 policies x 4 sessions x 10 x 4 key exchanges x 3 versions = 960;
    // SSL 3.0 (requested and declined, or required and failing) 2 x (1 x 2 x 10 + 1) = 42.
    assertThat(labels(connections("--client-cert", "ecdsa")))
        .hasSize(1002).isEqualTo(allWhoseLabel(l -> l.contains("/ecdsa ")));
    assertThat(connections("--client-auth", "request", "--client-cert", "rsa", "--version", "ssl3")).hasSize(40)
        .allMatch(c -> c.clientCertificate() == ClientCertificate.RSA && c.clientAuth() == ClientAuth.REQUEST);
    // No sessions, no renegotiation, 2 closers: 2 x (5 x 2 + 2 failing) + DH_anon 2.
    assertThat(connections("--resume", "none", "--renegotiate", "none", "--version", "ssl3")).hasSize(26);
  }

  @Test
  void renegotiationAndHint() throws Exception {
    // PSK with a hint, the server renegotiates (accepted or refused) x 4 sessions x 2 closers x 3 TLS versions.
    assertThat(labels(connections("--renegotiate", "server", "--psk-hint")))
        .hasSize(48).isEqualTo(allWhoseLabel(l -> l.contains(" psk auth") && l.contains(" hint ")
            && l.contains(" reneg=server/")));
  }

  @Test
  void suitesKeepTheirKeyExchanges() throws Exception {
    // ECDHE_RSA: 3 TLS versions x 241; RSA: 3 x 241 + SSL 3.0's 102.
    assertThat(labels(connections("--suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "--suite", "TLS_RSA_WITH_AES_128_CBC_SHA")))
        .hasSize(3 * 241 + 3 * 241 + 102)
        .isEqualTo(allWhoseLabel(l -> l.contains(" ecdhe_rsa ") || l.contains(" rsa ")));
    assertThatThrownBy(() -> connections("--kex", "rsa", "--suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
        .isInstanceOf(UsageException.class).hasMessage("no configuration of the explorer's space matches these flags");
  }

  @Test
  void versionRangesExploreTheRangeConfigurations() throws Exception {
    // One server range: one configuration per key exchange, all negotiating TLS 1.1.
    assertThat(connections("--client-versions", "tls1.0-tls1.2", "--server-versions", "tls1.1")).hasSize(8)
        .allMatch(c -> c.negotiatedVersion().orElseThrow().equals(ProtocolVersion.TLS11));
    // Every server range (4 versions: 10 ranges) for each of the 8 key exchanges.
    assertThat(connections("--client-versions", "tls1.0-tls1.2")).hasSize(80);
    assertThat(connections("--server-versions", "tls1.2", "--kex", "dhe_rsa")).hasSize(10);
    // --version keeps the ranges whose both ends reach it: 4 server ranges ending at TLS 1.2 x 8.
    assertThat(connections("--client-versions", "ssl3-tls1.2", "--version", "tls1.2")).hasSize(32);
    assertThatThrownBy(() -> connections("--client-versions", "tls1.1", "--client-auth", "require"))
        .isInstanceOf(UsageException.class);
  }

  @Test
  void runsAreWhatFaultsRan() throws Exception {
    assertThat(filter().runs(1)).hasSize(203 + 54);
    assertThat(filter("--version", "tls1.2", "--kex", "ecdhe_rsa", "--client-auth", "none", "--resume", "none",
        "--renegotiate", "none").runs(1)).containsExactly(HandshakeConfig.reference());
    HandshakeConfig rsa10 = HandshakeConfig.of(ProtocolVersion.TLS10, KeyExchange.RSA)
        .withClientAuth(ClientAuth.REQUIRE, ClientCertificate.RSA).withSeed(9);
    assertThat(filter("--version", "tls1.0", "--kex", "rsa", "--client-auth", "require", "--client-cert", "rsa").runs(9))
        .containsExactly(rsa10, rsa10.withResumption(Resumption.ID), rsa10.withResumption(Resumption.TICKET));
    assertThat(filter("--version", "ssl3", "--renegotiate", "client").runs(1)).containsExactly(
        HandshakeConfig.of(ProtocolVersion.SSL3, KeyExchange.RSA).withRenegotiation(Renegotiation.CLIENT),
        HandshakeConfig.of(ProtocolVersion.SSL3, KeyExchange.DHE_RSA).withRenegotiation(Renegotiation.CLIENT),
        HandshakeConfig.of(ProtocolVersion.SSL3, KeyExchange.DH_ANON).withRenegotiation(Renegotiation.CLIENT));
    // A run resumed by ID is not a run without sessions: per TLS version 4 x 4 + 2 + 2 hints + 1; SSL 3.0 2 x 3 + 1.
    assertThat(filter("--resume", "id").runs(1)).hasSize(3 * 21 + 7).allMatch(hc -> hc.resumption() == Resumption.ID);
    assertThat(filter("--kex", "psk", "--psk-hint").runs(1)).hasSize(3 * 3).allMatch(HandshakeConfig::pskHint);
    assertThatThrownBy(() -> filter("--version", "ssl3", "--kex", "psk").runs(1))
        .isInstanceOf(UsageException.class).hasMessage("no legal configuration matches these flags");
    // conform's selection: the runs without renegotiation, perhaps none.
    assertThat(filter("--version", "tls1.2", "--kex", "rsa").runs(ConfigurationSpace.runs(), 1)).hasSize(4 * 3);
    assertThat(filter("--version", "ssl3", "--kex", "psk").runs(ConfigurationSpace.runs(), 1)).isEmpty();
  }

  @Test
  void badValuesAreUsageErrorsNamingTheFlag() {
    assertThatThrownBy(() -> filter("--kex", "bogus")).isInstanceOf(UsageException.class).hasMessageStartingWith("--kex: unknown value 'bogus'");
    assertThatThrownBy(() -> filter("--client-versions", "tls1.2-tls1.0")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--client-versions: range 'tls1.2-tls1.0' is empty");
    assertThatThrownBy(() -> filter("--suite", "TLS_NOPE")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--suite: unknown cipher suite 'TLS_NOPE'");
  }
}
