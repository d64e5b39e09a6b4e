package dev.hslab.model.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PskPremasterTest {

  @Test
  void plainPskPremasterFollowsRfc4279Section2() {
    // RFC 4279 §2: uint16 N, N zero octets, uint16 N, the PSK (here N = 5).
    assertThat(PskPremaster.plain(Bytes.fromHex("0102030405")))
        .isEqualTo(Bytes.fromHex("0005 0000000000 0005 0102030405"));
  }

  @Test
  void ecdhePskPremasterFollowsRfc5489Section2() throws TlsAlertException {
    // RFC 5489 §2: other_secret = the ECDH shared secret (RFC 7748 §6.1 X25519 vector here).
    Bytes z = Bytes.fromHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    assertThat(PskPremaster.withOtherSecret(z, Bytes.fromHex("aabb")))
        .isEqualTo(Bytes.fromHex("0020" + z.hex() + "0002aabb"));
  }

  @Test
  void ecdhePskPremasterFromRealShares() throws TlsAlertException {
    RandomSource r = RandomSource.seeded(1);
    KeyShare c = KeyShare.generate(NamedGroup.SECP256R1, r);
    KeyShare s = KeyShare.generate(NamedGroup.SECP256R1, r);
    Bytes psk = Bytes.fromHex("00112233");
    Bytes pm = PskPremaster.withOtherSecret(c.agree(s.publicValue()), psk);
    assertThat(pm.length()).isEqualTo(2 + 32 + 2 + 4);
    assertThat(pm.slice(0, 2)).isEqualTo(Bytes.fromHex("0020"));
    assertThat(pm.slice(34, 40)).isEqualTo(Bytes.fromHex("0004 00112233"));
  }

  @Test
  void storeFindsKnownIdentity() throws TlsAlertException {
    PskStore store = PskStore.of("client1", Bytes.fromHex("0102"));
    assertThat(store.lookup(Bytes.wrap("client1".getBytes(StandardCharsets.UTF_8)))).isEqualTo(Bytes.fromHex("0102"));
  }

  @Test
  void unknownIdentityIsUnknownPskIdentity() {
    PskStore store = new PskStore(Map.of(Bytes.fromHex("61"), Bytes.fromHex("01")));
    assertThatThrownBy(() -> store.lookup(Bytes.fromHex("62")))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.UNKNOWN_PSK_IDENTITY));
    assertThat(store.toString()).doesNotContain("01");
  }
}
