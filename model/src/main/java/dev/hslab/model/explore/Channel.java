package dev.hslab.model.explore;

import java.util.Arrays;

/**
 * One direction of the network: a FIFO of abstract messages (RFC 5246 §6 runs over a reliable,
 * ordered transport; faults are the explorer's moves). {@code gap} records that a protected record
 * was lost, repeated or reordered here, so the receiver's sequence number (RFC 5246 §6.2.3.1) no
 * longer matches the next protected record.
 */
final class Channel {

  static final Channel EMPTY = new Channel(new int[0], false);

  private final int[] msgs;
  private final boolean gap;

  private Channel(int[] msgs, boolean gap) {
    this.msgs = msgs;
    this.gap = gap;
  }

  int size() {
    return msgs.length;
  }

  boolean isEmpty() {
    return msgs.length == 0;
  }

  int get(int i) {
    return msgs[i];
  }

  boolean gap() {
    return gap;
  }

  Channel append(int m) {
    int[] n = Arrays.copyOf(msgs, msgs.length + 1);
    n[msgs.length] = m;
    return new Channel(n, gap);
  }

  Channel dropHead() {
    return new Channel(Arrays.copyOfRange(msgs, 1, msgs.length), gap);
  }

  Channel withHead(int m) {
    int[] n = msgs.clone();
    n[0] = m;
    return new Channel(n, gap);
  }

  Channel swapHead() {
    int[] n = msgs.clone();
    n[0] = msgs[1];
    n[1] = msgs[0];
    return new Channel(n, gap);
  }

  Channel withGap() {
    return gap ? this : new Channel(msgs, true);
  }

  /** Nothing more is read from this direction: the receiver is gone. */
  Channel cleared() {
    return msgs.length == 0 ? this : new Channel(new int[0], gap);
  }
}
