package dev.hslab.model.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hslab.model.message.HandshakeFragmenter;
import dev.hslab.model.message.HandshakeReassembler;
import dev.hslab.model.message.HandshakeReassembler.Message;
import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HandshakeReassemblerTest {

  private static final int MAX = 1 << 16;

  // ServerHello-shaped body, an empty ServerHelloDone, a 40000-byte Certificate-shaped body.
  private static final Bytes HELLO = message(HandshakeType.SERVER_HELLO, 70, 1);
  private static final Bytes DONE = Bytes.fromHex("0e000000");
  private static final Bytes BIG = message(HandshakeType.CERTIFICATE, 40000, 2);

  @Test
  void splitsAtEveryPointIncludingInsideTheHeaderYieldTheMessage() throws TlsAlertException {
    Bytes flight = Bytes.concat(HELLO, DONE);
    for (int cut = 0; cut <= flight.length(); cut++) {
      HandshakeReassembler r = new HandshakeReassembler(MAX);
      List<Message> got = new ArrayList<>(r.add(flight.slice(0, cut)));
      assertThat(r.hasPartialMessage()).as("cut %d", cut).isEqualTo(cut != 0 && cut != HELLO.length() && cut != flight.length());
      got.addAll(r.add(flight.slice(cut, flight.length())));
      assertThat(got).as("cut %d", cut).extracting(Message::fullEncoding).containsExactly(HELLO, DONE);
      assertThat(r.hasPartialMessage()).isFalse();
    }
  }

  @Test
  void oneMessageSplitAcrossManyRecordsAndSeveralMessagesInOneRecord() throws TlsAlertException {
    HandshakeReassembler r = new HandshakeReassembler(MAX);
    List<Message> got = new ArrayList<>();
    for (Bytes f : new HandshakeFragmenter(1000, HandshakeFragmenter.Mode.COALESCE).pack(List.of(HELLO, BIG, DONE))) {
      got.addAll(r.add(f));
    }
    assertThat(got).hasSize(3);
    Message cert = got.get(1);
    assertThat(cert.type()).isEqualTo(HandshakeType.CERTIFICATE);
    assertThat(cert.body()).isEqualTo(BIG.slice(4, BIG.length()));
    assertThat(cert.fullEncoding()).isEqualTo(BIG);
    assertThat(got.get(2).type()).isEqualTo(HandshakeType.SERVER_HELLO_DONE);
    assertThat(got.get(2).body()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void fragmenterThenReassemblerRoundTripsInBothModesAndRespectsTheSize() throws TlsAlertException {
    List<Bytes> flight = List.of(HELLO, BIG, DONE, HELLO);
    for (HandshakeFragmenter.Mode mode : HandshakeFragmenter.Mode.values()) {
      for (int size : new int[] {1, 3, 4, 5, 77, 1000, TlsRecord.MAX_PLAINTEXT}) {
        List<TlsRecord> records = new HandshakeFragmenter(size, mode).records(ProtocolVersion.TLS12, flight);
        HandshakeReassembler r = new HandshakeReassembler(MAX);
        List<Bytes> got = new ArrayList<>();
        for (TlsRecord rec : records) {
          assertThat(rec.fragment().length()).isBetween(1, size);
          assertThat(rec.isForbiddenEmpty()).isFalse();
          r.add(rec.fragment()).forEach(m -> got.add(m.fullEncoding()));
        }
        assertThat(got).as("%s size %d", mode, size).isEqualTo(flight);
      }
    }
    // Default size 2^14: one record per message, or both messages coalesced into one record.
    assertThat(new HandshakeFragmenter(HandshakeFragmenter.Mode.ONE_PER_RECORD).pack(List.of(HELLO, DONE)))
        .containsExactly(HELLO, DONE);
    assertThat(new HandshakeFragmenter(HandshakeFragmenter.Mode.COALESCE).pack(List.of(HELLO, DONE)))
        .containsExactly(Bytes.concat(HELLO, DONE));
  }

  @Test
  void messageLongerThanTheMaximumIsIllegalParameterBeforeBuffering() {
    HandshakeReassembler r = new HandshakeReassembler(1000);
    // Certificate header claiming 2^24-1 bytes: refused from the header alone.
    TlsAlertException e = catchThrowableOfType(TlsAlertException.class, () -> r.add(Bytes.fromHex("0bffffff00")));
    assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
    assertThat(e.getMessage()).isEqualTo("handshake: certificate length 16777215 exceeds the maximum 1000");
    assertThat(catchThrowableOfType(TlsAlertException.class, () -> r.add(DONE)).alert())
        .as("failed for good").isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void messageExactlyAtTheMaximumIsAccepted() throws TlsAlertException {
    assertThat(new HandshakeReassembler(70).add(HELLO)).hasSize(1);
  }

  @Test
  void unknownHandshakeTypeIsUnexpectedMessage() {
    TlsAlertException e = catchThrowableOfType(TlsAlertException.class,
        () -> new HandshakeReassembler(MAX).add(Bytes.fromHex("63000000")));
    assertThat(e.alert()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
  }

  @Test
  void emptyFragmentCompletesNothing() throws TlsAlertException {
    HandshakeReassembler r = new HandshakeReassembler(MAX);
    assertThat(r.add(Bytes.EMPTY)).isEmpty();
    assertThat(r.hasPartialMessage()).isFalse();
  }

  private static Bytes message(HandshakeType type, int bodyLength, long seed) {
    byte[] b = new byte[4 + bodyLength];
    new Random(seed).nextBytes(b);
    b[0] = (byte) type.code();
    b[1] = (byte) (bodyLength >>> 16);
    b[2] = (byte) (bodyLength >>> 8);
    b[3] = (byte) bodyLength;
    return Bytes.wrap(b);
  }
}
