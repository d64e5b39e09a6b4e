package dev.hslab.model.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 6347 §4.1.2.6 with RFC 4303 §3.4.3's sliding window of 64. */
class ReplayWindowTest {

  @Test
  void acceptsEachNumberOnceInAnyOrderWithinTheWindow() {
    ReplayWindow w = new ReplayWindow();
    for (long s : new long[] {5, 3, 9, 4, 0}) {
      assertThat(w.isReplay(s)).as("seq %d first time", s).isFalse();
      w.accept(s);
      assertThat(w.isReplay(s)).as("seq %d again", s).isTrue();
    }
    assertThat(w.highest()).isEqualTo(9);
    assertThat(w.isReplay(6)).isFalse();
  }

  @Test
  void numbersLeftOfTheWindowAreReplays() {
    ReplayWindow w = new ReplayWindow();
    w.accept(100);
    assertThat(w.isReplay(100 - 63)).isFalse(); // the window's left edge
    assertThat(w.isReplay(100 - 64)).isTrue(); // too old to tell
    w.accept(100 + 200); // a jump clears every bit
    assertThat(w.isReplay(299)).isFalse();
    assertThat(w.isReplay(300)).isTrue();
    assertThat(w.isReplay(100)).isTrue();
  }

  @Test
  void sequenceNumbersUpTo48BitsWork() {
    ReplayWindow w = new ReplayWindow();
    w.accept(DtlsRecord.MAX_SEQUENCE_NUMBER);
    assertThat(w.isReplay(DtlsRecord.MAX_SEQUENCE_NUMBER)).isTrue();
    assertThat(w.isReplay(DtlsRecord.MAX_SEQUENCE_NUMBER - 1)).isFalse();
  }
}
