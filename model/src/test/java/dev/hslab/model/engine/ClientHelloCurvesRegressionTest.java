package dev.hslab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.extension.SupportedGroupsExtension;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Regression (found against OpenSSL 3 s_server -Verify 1, issue #4): a client holding an ECDSA
 * certificate that offered only DHE_RSA suites named only ffdhe groups, and OpenSSL refused its
 * certificate with illegal_parameter (RFC 8422 §5.1.1: the named curves also bound the client's
 * certificate). The ClientHello now names the EC curves too.
 */
class ClientHelloCurvesRegressionTest {

  private static ClientHello hello(ClientCertificate cert) throws Exception {
    HandshakeConfig hc = HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.DHE_RSA)
        .withClientAuth(ClientAuth.REQUIRE, cert);
    ModelEngine<?> client = ModelEngine.create(EngineConfigs.client(hc, Credentials.forSeed(1), 1, Optional.empty()));
    EngineEvent.MessageSent sent = (EngineEvent.MessageSent) client.start().events().stream()
        .filter(e -> e instanceof EngineEvent.MessageSent).findFirst().orElseThrow();
    return (ClientHello) HandshakeCodec.decode(sent.message().encoding(), DecodeContext.of(ProtocolVersion.TLS12));
  }

  @Test
  void dheOnlyClientWithAnEcdsaCertificateNamesItsCurveInSupportedGroups() throws Exception {
    assertThat(hello(ClientCertificate.ECDSA).extension(SupportedGroupsExtension.class).orElseThrow().groups())
        .contains(NamedGroup.SECP256R1.code(), NamedGroup.FFDHE2048.code());
  }

  @Test
  void dheOnlyClientWithAnRsaCertificateStillNamesOnlyFiniteFieldGroups() throws Exception {
    assertThat(hello(ClientCertificate.RSA).extension(SupportedGroupsExtension.class).orElseThrow().groups())
        .doesNotContain(NamedGroup.SECP256R1.code()).contains(NamedGroup.FFDHE2048.code());
  }
}
