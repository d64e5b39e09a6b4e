package dev.hslab.model.dtls.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.dtls.Pmtu;
import dev.hslab.model.dtls.handshake.FragmentReassembler.Offer;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The handshake header (RFC 6347 §4.2.2), fragmentation and reassembly (§4.2.3). */
class FragmentationTest {

  private static Bytes body(int n, int seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return Bytes.wrap(b);
  }

  @Test
  void encodesTheTwelveByteHeaderFieldByField() throws Exception {
    HandshakeFragment f = new HandshakeFragment(11, 0x0abcde, 2, 0x000400, Bytes.fromHex("cafe"));
    // msg_type 11, length 0x0abcde, message_seq 2, fragment_offset 0x400, fragment_length 2
    assertThat(f.encode().hex()).isEqualTo("0b" + "0abcde" + "0002" + "000400" + "000002" + "cafe");
    assertThat(HandshakeFragment.decodeAll(f.encode())).containsExactly(f);
    assertThat(f.describe()).isEqualTo("certificate seq=2 [1024..1026) of 703710");
  }

  @Test
  void aFragmentPastItsMessageLengthIsDecodeError() {
    Bytes bad = Bytes.fromHex("0b" + "000004" + "0000" + "000003" + "000002" + "cafe");
    assertThatThrownBy(() -> HandshakeFragment.decodeAll(bad)).isInstanceOf(TlsAlertException.class)
        .hasMessageContaining("runs past the message length");
  }

  @Test
  void fragmentsToThePmtuBudgetAndEveryRecordFits() {
    Bytes cert = body(2803, 1);
    int overhead = 8 + 16; // AES-GCM: explicit nonce and tag
    int max = Fragmenter.maxFragmentLength(Pmtu.DEFAULT, overhead);
    assertThat(max).isEqualTo(1200 - 13 - 24 - 12);
    List<HandshakeFragment> parts = Fragmenter.fragment(11, 3, cert, max);
    assertThat(parts).hasSize(3);
    assertThat(parts).allMatch(p -> 13 + overhead + p.encode().length() <= 1200);
    assertThat(parts).allMatch(p -> p.length() == 2803 && p.messageSeq() == 3 && p.msgType() == 11);
    assertThat(Bytes.concat(parts.stream().map(HandshakeFragment::fragment).toArray(Bytes[]::new))).isEqualTo(cert);
    assertThat(Fragmenter.fragment(14, 4, Bytes.EMPTY, max)).containsExactly(HandshakeFragment.whole(14, 4, Bytes.EMPTY));
  }

  @Test
  void reassemblesFromShuffledDuplicatedOverlappingFragmentsInMessageOrder() {
    Bytes m0 = body(3000, 2);
    Bytes m1 = body(500, 3);
    List<HandshakeFragment> all = new ArrayList<>();
    all.addAll(Fragmenter.fragment(11, 0, m0, 700));
    all.addAll(Fragmenter.fragment(11, 0, m0, 450)); // overlapping with the first cut
    all.addAll(Fragmenter.fragment(12, 1, m1, 128));
    all.add(Fragmenter.fragment(12, 1, m1, 128).get(1)); // a duplicate
    Collections.shuffle(all, new Random(7));
    FragmentReassembler r = new FragmentReassembler(0, 1 << 17);
    List<HandshakeFragment> out = new ArrayList<>();
    for (HandshakeFragment f : all) {
      r.offer(f);
      out.addAll(r.take());
    }
    assertThat(out).containsExactly(HandshakeFragment.whole(11, 0, m0), HandshakeFragment.whole(12, 1, m1));
    assertThat(r.nextSeq()).isEqualTo(2);
    assertThat(r.bufferedBytes()).isZero();
  }

  @Test
  void saysWhatBecameOfEachFragment() {
    FragmentReassembler r = new FragmentReassembler(0, 1000);
    HandshakeFragment half = new HandshakeFragment(1, 10, 0, 0, body(5, 4));
    assertThat(r.offer(half)).isEqualTo(Offer.NEW_BYTES);
    assertThat(r.offer(half)).isEqualTo(Offer.DUPLICATE);
    assertThat(r.offer(new HandshakeFragment(2, 10, 0, 5, body(5, 5)))).isEqualTo(Offer.INCONSISTENT);
    assertThat(r.offer(new HandshakeFragment(1, 11, 0, 5, body(5, 5)))).isEqualTo(Offer.INCONSISTENT);
    assertThat(r.offer(new HandshakeFragment(1, 1001, 1, 0, body(5, 5)))).isEqualTo(Offer.TOO_LONG);
    assertThat(r.offer(new HandshakeFragment(1, 5, FragmentReassembler.MAX_AHEAD, 0, body(5, 5)))).isEqualTo(Offer.TOO_FAR_AHEAD);
    assertThat(r.take()).isEmpty();
    assertThat(r.offer(new HandshakeFragment(1, 10, 0, 3, body(7, 6)))).isEqualTo(Offer.NEW_BYTES);
    List<HandshakeFragment> done = r.take();
    assertThat(done).hasSize(1);
    // Overlapping bytes keep what arrived first.
    assertThat(done.get(0).fragment()).isEqualTo(Bytes.concat(body(5, 4), body(7, 6).slice(2, 7)));
    // RFC 6347 §4.2.4: a fragment of a message already handed out means the peer retransmits.
    assertThat(r.offer(half)).isEqualTo(Offer.PREVIOUS_MESSAGE);
    HandshakeFragment done1 = HandshakeFragment.whole(14, 1, Bytes.EMPTY);
    assertThat(r.offer(done1)).isEqualTo(Offer.NEW_BYTES); // an empty message is news once
    assertThat(r.offer(new HandshakeFragment(11, 5, 2, 0, Bytes.EMPTY))).isEqualTo(Offer.DUPLICATE);
    assertThat(r.take()).containsExactly(done1);
  }

  @Test
  void aClaimedLengthOf2Pow24ReservesNothingUntilTheBytesArrive() {
    FragmentReassembler r = new FragmentReassembler(0, HandshakeFragment.MAX_LENGTH);
    HandshakeFragment tail = new HandshakeFragment(11, HandshakeFragment.MAX_LENGTH, 0, HandshakeFragment.MAX_LENGTH - 3, body(3, 8));
    assertThat(r.offer(tail)).isEqualTo(Offer.NEW_BYTES);
    assertThat(r.bufferedBytes()).isEqualTo(3);
    assertThat(r.take()).isEmpty();
  }
}
