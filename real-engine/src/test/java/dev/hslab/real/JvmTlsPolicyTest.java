package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmTlsPolicyTest {

  @Test
  void removesOnlyTheLegacyEntriesAndKeepsEveryOtherRestriction() {
    String jdk17 = "SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, "
        + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH";

    assertThat(JvmTlsPolicy.withoutLegacy(jdk17))
        .isEqualTo("DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, NULL");
  }

  @Test
  void isIdempotentOnTheLiveProperty() {
    String once = JvmTlsPolicy.enableLegacyTlsForThisJvm();

    assertThat(JvmTlsPolicy.enableLegacyTlsForThisJvm()).isEqualTo(once);
    assertThat(once).doesNotContain("TLSv1,").doesNotContain("anon").contains("RC4");
  }
}
