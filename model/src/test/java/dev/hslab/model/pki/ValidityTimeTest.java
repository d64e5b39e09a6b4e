package dev.hslab.model.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5280 §4.1.2.5: the validator reads validity times as BouncyCastle's general parser does. */
class ValidityTimeTest {

  @ParameterizedTest
  @CsvSource({
      "260101000000Z, 2026-01-01T00:00:00Z",
      "491231235959Z, 2049-12-31T23:59:59Z", // §4.1.2.5.1: YY < 50 is 20YY
      "500101000000Z, 1950-01-01T00:00:00Z", // YY >= 50 is 19YY
      "240229120000Z, 2024-02-29T12:00:00Z"})
  void utcTime(String text, String expected) throws Exception {
    Time t = new Time(new ASN1UTCTime(text));
    assertThat(ParsedCert.instant(t)).isEqualTo(Instant.parse(expected)).isEqualTo(t.getDate().toInstant());
  }

  @ParameterizedTest
  @CsvSource({
      "20500101000000Z, 2050-01-01T00:00:00Z",
      "99991231235959Z, 9999-12-31T23:59:59Z",
      "20261231235959Z, 2026-12-31T23:59:59Z"})
  void generalizedTime(String text, String expected) throws Exception {
    Time t = new Time(new ASN1GeneralizedTime(text));
    assertThat(ParsedCert.instant(t)).isEqualTo(Instant.parse(expected)).isEqualTo(t.getDate().toInstant());
  }

  /** Forms outside RFC 5280's profile take BouncyCastle's general path and give its answer. */
  @ParameterizedTest
  @CsvSource({"20500101000000.5Z", "2050010100Z"})
  void otherFormsAsBouncyCastleReadsThem(String text) throws Exception {
    Time t = new Time(new ASN1GeneralizedTime(text));
    assertThat(ParsedCert.instant(t)).isEqualTo(t.getDate().toInstant());
  }
}
