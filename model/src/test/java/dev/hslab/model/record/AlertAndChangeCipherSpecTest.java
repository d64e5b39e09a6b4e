package dev.hslab.model.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.CodecChecks;
import dev.hslab.model.wire.TlsAlertException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlertAndChangeCipherSpecTest {

  @Test
  void everyAlertPassesTheCodecChecks() {
    Random random = new Random(7);
    for (AlertLevel level : AlertLevel.values()) {
      for (AlertDescription d : AlertDescription.values()) {
        CodecChecks.check(new Alert(level, d), Alert::encode, Alert::decode, random, 20);
      }
    }
  }

  @Test
  void encodesFatalBadRecordMacAsRfc5246Bytes() {
    // RFC 5246 §7.2: level fatal(2), description bad_record_mac(20).
    assertThat(Alert.fatal(AlertDescription.BAD_RECORD_MAC).encode()).isEqualTo(Bytes.fromHex("0214"));
    assertThat(Alert.warning(AlertDescription.CLOSE_NOTIFY).encode()).isEqualTo(Bytes.fromHex("0100"));
  }

  @Test
  void rejectsAlertBodiesThatAreNotTwoBytes() {
    for (String hex : new String[] {"", "02", "021400"}) {
      TlsAlertException e = catchThrowableOfType(TlsAlertException.class, () -> Alert.decode(Bytes.fromHex(hex)));
      assertThat(e.alert()).as(hex).isEqualTo(AlertDescription.DECODE_ERROR);
    }
  }

  @Test
  void rejectsUnknownAlertLevelAndDescriptionWithIllegalParameter() {
    assertThat(catchThrowableOfType(TlsAlertException.class, () -> Alert.decode(Bytes.fromHex("0314"))).alert())
        .isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
    assertThat(catchThrowableOfType(TlsAlertException.class, () -> Alert.decode(Bytes.fromHex("02ee"))).alert())
        .isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void changeCipherSpecPassesTheCodecChecksAndIsTheSingleByte01() {
    Bytes encoded = CodecChecks.check(ChangeCipherSpec.INSTANCE, ChangeCipherSpec::encode, ChangeCipherSpec::decode,
        new Random(8), 50);
    assertThat(encoded).isEqualTo(Bytes.fromHex("01"));
  }

  @Test
  void rejectsChangeCipherSpecOfOtherValueOrLengthWithDecodeError() {
    for (String hex : new String[] {"", "00", "02", "ff", "0101", "0100"}) {
      TlsAlertException e = catchThrowableOfType(TlsAlertException.class,
          () -> ChangeCipherSpec.decode(Bytes.fromHex(hex)));
      assertThat(e.alert()).as(hex).isEqualTo(AlertDescription.DECODE_ERROR);
    }
  }
}
