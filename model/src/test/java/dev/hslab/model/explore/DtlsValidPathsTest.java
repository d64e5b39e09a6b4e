package dev.hslab.model.explore;

import static dev.hslab.model.explore.ValidPathsTest.*;
import static dev.hslab.model.wire.ProtocolVersion.TLS12;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.DtlsClientTable;
import dev.hslab.model.handshake.DtlsServerTable;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.suite.KeyExchange;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The explorer over the DTLS tables (RFC 6347 §4.2): the valid paths of fixed configurations,
 * written out by hand from §4.2.4's figures, never from the explorer's output. The explorer's
 * abstract messages carry no record layer, so a TLS 1.2 configuration stands for DTLS 1.2 (its
 * TLS equivalent, RFC 6347 §1); the tables are what differ.
 */
class DtlsValidPathsTest {

  private static final String HVR = "server.hello_verify_request";

  private static ExploreOptions dtls(Configuration c) {
    return ExploreOptions.of(List.of(c)).withTables(DtlsClientTable.TABLE, DtlsServerTable.TABLE);
  }

  private static List<List<String>> pathsOf(Configuration c) {
    ExplorationReport r = Explorer.explore(dtls(c));
    assertThat(r.ok()).as("no violation or deadlock in %s", c).isTrue();
    return r.pathsFor(c);
  }

  @Test
  void aFullHandshakeIsFigure1WithTheCookieExchange() {
    // RFC 6347 §4.2.4 Figure 1, flights 1 to 6, with Certificate, ServerKeyExchange,
    // CertificateRequest, the client's Certificate and CertificateVerify all present.
    Configuration c = Configuration.of(TLS12, KeyExchange.ECDHE_ECDSA).withClientAuth(ClientAuth.REQUIRE, ClientCertificate.ECDSA);
    assertThat(pathsOf(c)).containsExactly(List.of(CH, HVR, CH, SH, S_CERT, SKE, CR, SHD, C_CERT, CKE, CV, C_CCS, C_FIN,
        S_CCS, S_FIN));
  }

  @Test
  void anAbbreviatedHandshakeIsFigure2() {
    // RFC 6347 §4.2.4 Figure 2: three flights; §4.2.1 lets the server skip the cookie exchange.
    Configuration c = Configuration.of(TLS12, KeyExchange.ECDHE_RSA).withResumption(Resumption.ID, true);
    assertThat(pathsOf(c)).containsExactly(List.of(CH, SH, S_CCS, S_FIN, C_CCS, C_FIN));
  }
}
