package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.suite.BulkCipher;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code hslab connect} offers a server it does not know, and how {@code --kex}/{@code --suite} narrow it. */
class ConnectOfferTest {

  static List<CipherSuite> connectOffer(String... flags) throws UsageException {
    ConfigOptions o = new ConfigOptions();
    new CommandLine(o).parseArgs(flags);
    return o.toClientConfig().effectiveSuites();
  }

  @Test
  void withoutFlagsEveryAuthenticatedTls12SuiteStrongestFirst() throws Exception {
    List<CipherSuite> offer = connectOffer();
    assertThat(offer).extracting(CipherSuite::keyExchange)
        .contains(KeyExchange.ECDHE_ECDSA, KeyExchange.ECDHE_RSA, KeyExchange.DHE_RSA, KeyExchange.RSA)
        .doesNotContain(KeyExchange.DH_ANON, KeyExchange.ECDH_ANON, KeyExchange.PSK, KeyExchange.ECDHE_PSK);
    // Every TLS 1.2 suite of those key exchanges the model has, none left out.
    assertThat(offer).containsExactlyInAnyOrder(List.of(CipherSuite.values()).stream()
        .filter(s -> List.of(KeyExchange.ECDHE_ECDSA, KeyExchange.ECDHE_RSA, KeyExchange.DHE_RSA, KeyExchange.RSA)
            .contains(s.keyExchange()))
        .filter(s -> s.supportedBy(ProtocolVersion.TLS12)).toArray(CipherSuite[]::new));
    // Strongest first: ECDHE before DHE before RSA key exchange, and within one, AEAD before CBC.
    List<KeyExchange> order = List.of(KeyExchange.ECDHE_ECDSA, KeyExchange.ECDHE_RSA, KeyExchange.DHE_RSA, KeyExchange.RSA);
    for (int i = 1; i < offer.size(); i++) {
      CipherSuite a = offer.get(i - 1);
      CipherSuite b = offer.get(i);
      assertThat(order.indexOf(a.keyExchange())).as(a + " before " + b).isLessThanOrEqualTo(order.indexOf(b.keyExchange()));
      if (a.keyExchange() == b.keyExchange()) {
        assertThat(aead(a) || !aead(b)).as(a + " before " + b).isTrue();
      }
    }
    assertThat(offer.get(0)).isEqualTo(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
  }

  @Test
  void kexAndSuiteNarrowTheOfferAndRunKeepsItsReferenceDefault() throws Exception {
    assertThat(connectOffer("--kex", "dhe_rsa")).isNotEmpty().extracting(CipherSuite::keyExchange)
        .containsOnly(KeyExchange.DHE_RSA);
    assertThat(connectOffer("--suite", "TLS_RSA_WITH_AES_128_GCM_SHA256"))
        .containsExactly(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);
    ConfigOptions run = new ConfigOptions();
    new CommandLine(run).parseArgs();
    assertThat(run.toConfig().keyExchange()).isEqualTo(KeyExchange.ECDHE_RSA);
  }

  private static boolean aead(CipherSuite s) {
    return s.cipher().type() == BulkCipher.Type.AEAD;
  }
}
