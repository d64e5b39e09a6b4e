package dev.hslab.model.explore;

import static dev.hslab.model.wire.ProtocolVersion.SSL3;
import static dev.hslab.model.wire.ProtocolVersion.TLS10;
import static dev.hslab.model.wire.ProtocolVersion.TLS12;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The valid paths of fixed configurations, each written out by hand from the RFC message flows
 * (RFC 5246 §7.3 Figures 1 and 2, RFC 4279 §2, RFC 5489 §2, RFC 5077 §3.1, RFC 6101 §5.6.6,
 * RFC 5246 §7.4.1.1), never from the explorer's own output.
 */
class ValidPathsTest {

  static final String CH = "client.client_hello";
  static final String SH = "server.server_hello";
  static final String S_CERT = "server.certificate";
  static final String SKE = "server.server_key_exchange";
  static final String CR = "server.certificate_request";
  static final String SHD = "server.server_hello_done";
  static final String C_CERT = "client.certificate";
  static final String CKE = "client.client_key_exchange";
  static final String CV = "client.certificate_verify";
  static final String C_CCS = "client.change_cipher_spec";
  static final String C_FIN = "client.finished";
  static final String NST = "server.new_session_ticket";
  static final String S_CCS = "server.change_cipher_spec";
  static final String S_FIN = "server.finished";

  private static List<List<String>> pathsOf(Configuration c) {
    ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(c)));
    assertThat(r.ok()).as("no violation or deadlock in %s", c).isTrue();
    return r.pathsFor(c);
  }

  private static List<String> seq(String... labels) {
    return List.of(labels);
  }

  @Test
  void ecdheRsaWithoutClientAuthFollowsRfc5246Figure1() {
    // RFC 5246 §7.3 Figure 1 with Certificate and ServerKeyExchange (ECDHE signs its parameters,
    // RFC 4492 §2.4) and no CertificateRequest: 10 messages.
    assertThat(pathsOf(Configuration.of(TLS12, KeyExchange.ECDHE_RSA))).containsExactly(
        seq(CH, SH, S_CERT, SKE, SHD, CKE, C_CCS, C_FIN, S_CCS, S_FIN));
  }

  @Test
  void rsaWithClientAuthRequiredSendsCertificateAndCertificateVerify() {
    // RFC 5246 §7.3: static RSA has no ServerKeyExchange (§7.4.3); the client answers the
    // CertificateRequest with its Certificate and proves the key with CertificateVerify (§7.4.8).
    Configuration c = Configuration.of(TLS12, KeyExchange.RSA).withClientAuth(ClientAuth.REQUIRE, ClientCertificate.RSA);
    assertThat(pathsOf(c)).containsExactly(
        seq(CH, SH, S_CERT, CR, SHD, C_CERT, CKE, CV, C_CCS, C_FIN, S_CCS, S_FIN));
  }

  @Test
  void tlsClientWithoutCertificateSendsAnEmptyCertificateWhenRequested() {
    // RFC 5246 §7.4.6: "If no suitable certificate is available, the client MUST send a
    // certificate message containing no certificates"; no CertificateVerify follows.
    Configuration c = Configuration.of(TLS12, KeyExchange.DHE_RSA).withClientAuth(ClientAuth.REQUEST, ClientCertificate.NONE);
    assertThat(pathsOf(c)).containsExactly(
        seq(CH, SH, S_CERT, SKE, CR, SHD, C_CERT, CKE, C_CCS, C_FIN, S_CCS, S_FIN));
  }

  @Test
  void pskWithoutHintOmitsServerKeyExchangeAndWithHintSendsIt() {
    // RFC 4279 §2: no Certificate; ServerKeyExchange only to carry a psk_identity_hint.
    Configuration noHint = Configuration.of(TLS12, KeyExchange.PSK);
    assertThat(pathsOf(noHint)).containsExactly(seq(CH, SH, SHD, CKE, C_CCS, C_FIN, S_CCS, S_FIN));
    assertThat(pathsOf(noHint.withPskHint(true))).containsExactly(
        seq(CH, SH, SKE, SHD, CKE, C_CCS, C_FIN, S_CCS, S_FIN));
  }

  @Test
  void ecdhePskAndAnonymousKeyExchangesSendServerKeyExchangeWithoutCertificate() {
    // RFC 5489 §2: ECDHE_PSK always sends ServerKeyExchange; RFC 5246 §7.4.2/§7.4.3: DH_anon
    // has no Certificate but sends its parameters.
    List<String> expected = seq(CH, SH, SKE, SHD, CKE, C_CCS, C_FIN, S_CCS, S_FIN);
    assertThat(pathsOf(Configuration.of(TLS12, KeyExchange.ECDHE_PSK))).containsExactly(expected);
    assertThat(pathsOf(Configuration.of(TLS10, KeyExchange.DH_ANON))).containsExactly(expected);
  }

  @Test
  void resumptionBySessionIdIsTheAbbreviatedHandshakeOfFigure2() {
    // RFC 5246 §7.3 Figure 2: the server sends ChangeCipherSpec and Finished first.
    Configuration c = Configuration.of(TLS12, KeyExchange.ECDHE_RSA).withResumption(Resumption.ID, true);
    assertThat(pathsOf(c)).containsExactly(seq(CH, SH, S_CCS, S_FIN, C_CCS, C_FIN));
  }

  @Test
  void resumptionByTicketSendsNewSessionTicketBeforeChangeCipherSpec() {
    // RFC 5077 §3.1 Figure 2 (resumed with a ticket) and Figure 1 (full handshake issuing one).
    Configuration resumed = Configuration.of(TLS12, KeyExchange.RSA).withResumption(Resumption.TICKET, true);
    assertThat(pathsOf(resumed)).containsExactly(seq(CH, SH, NST, S_CCS, S_FIN, C_CCS, C_FIN));
    Configuration issued = Configuration.of(TLS12, KeyExchange.RSA).withResumption(Resumption.TICKET, false);
    assertThat(pathsOf(issued)).containsExactly(seq(CH, SH, S_CERT, SHD, CKE, C_CCS, C_FIN, NST, S_CCS, S_FIN));
  }

  @Test
  void ssl3ClientWithoutCertificateAnswersWithNoCertificateAlert() {
    // RFC 6101 §5.6.6: an SSL 3.0 client without a certificate sends the no_certificate alert.
    Configuration c = Configuration.of(SSL3, KeyExchange.RSA).withClientAuth(ClientAuth.REQUEST, ClientCertificate.NONE);
    assertThat(pathsOf(c)).containsExactly(
        seq(CH, SH, S_CERT, CR, SHD, "client.no_certificate", CKE, C_CCS, C_FIN, S_CCS, S_FIN));
  }

  @Test
  void ssl3HasNoEcdsaClientCertificateSoRequiringOneFailsWithHandshakeFailure() {
    Configuration c = Configuration.of(SSL3, KeyExchange.RSA).withClientAuth(ClientAuth.REQUIRE, ClientCertificate.ECDSA);
    ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(c)));
    assertThat(r.paths()).isEmpty();
    assertThat(r.outcomes()).containsOnlyKeys("alert server handshake_failure");
    assertThat(r.ok()).isTrue();
  }

  @Test
  void serverRenegotiationRepeatsTheFullHandshakeAfterHelloRequest() {
    // RFC 5246 §7.4.1.1: HelloRequest, then a new full handshake over the connection.
    List<String> full = seq(CH, SH, S_CERT, SHD, CKE, C_CCS, C_FIN, S_CCS, S_FIN);
    Configuration allowed = Configuration.of(TLS12, KeyExchange.RSA).withRenegotiation(Renegotiation.SERVER, true);
    List<String> twice = new ArrayList<>(full);
    twice.add("server.hello_request");
    twice.addAll(full);
    assertThat(pathsOf(allowed)).containsExactly(twice);
    // RFC 5246 §7.2.2: a client that refuses answers with the no_renegotiation warning.
    List<String> refused = new ArrayList<>(full);
    refused.addAll(seq("server.hello_request", "client.no_renegotiation"));
    assertThat(pathsOf(allowed.withRenegotiation(Renegotiation.SERVER, false))).containsExactly(refused);
  }

  @Test
  void whoClosesDoesNotChangeThePath() {
    Configuration c = Configuration.of(TLS12, KeyExchange.DHE_RSA);
    assertThat(pathsOf(c.withCloser(Side.SERVER))).isEqualTo(pathsOf(c)).hasSize(1);
  }

  @Test
  void versionNegotiationPicksTheHighestCommonVersionOrFailsWithProtocolVersion() {
    // RFC 5246 Appendix E.1: TLS 1.0-1.2 client, SSL 3.0-TLS 1.0 server -> TLS 1.0, full path.
    Configuration overlap = Configuration.of(TLS12, KeyExchange.RSA).withVersions(TLS10, TLS12, SSL3, TLS10);
    assertThat(pathsOf(overlap)).containsExactly(seq(CH, SH, S_CERT, SHD, CKE, C_CCS, C_FIN, S_CCS, S_FIN));
    Configuration disjoint = Configuration.of(TLS12, KeyExchange.RSA).withVersions(TLS12, TLS12, SSL3, TLS10);
    ExplorationReport r = Explorer.explore(ExploreOptions.of(List.of(disjoint)));
    assertThat(r.outcomes()).containsOnlyKeys("alert server protocol_version");
    assertThat(ConfigurationSpace.versionRanges(KeyExchange.RSA)).contains(overlap, disjoint).hasSize(100);
  }
}
