package dev.hslab.model.explore;

import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import java.util.Locale;

/**
 * One step of the composed system, packed in an int for the trace store.
 *
 * @param type what happens
 * @param side the receiver for deliveries and faults, unused otherwise
 * @param fault the fault, for {@link Type#FAULT}
 * @param inject the injected kind, for {@link FaultKind#INJECT}
 */
record Move(Type type, Side side, FaultKind fault, MessageKind inject) {

  enum Type {
    /** The next step of the applications' script. */
    SCRIPT,
    /** The head of the channel to {@code side} is delivered. */
    DELIVER,
    /** The adversary acts on the channel to {@code side}. */
    FAULT,
    /** Nothing else can happen: every waiting endpoint's timer expires. */
    TIMEOUT
  }

  private static final Type[] TYPES = Type.values();
  private static final FaultKind[] FAULTS = FaultKind.values();
  private static final MessageKind[] KINDS = MessageKind.values();

  static final Move SCRIPT = new Move(Type.SCRIPT, Side.CLIENT, null, null);
  static final Move TIMEOUT = new Move(Type.TIMEOUT, Side.CLIENT, null, null);

  static Move deliver(Side to) {
    return new Move(Type.DELIVER, to, null, null);
  }

  static Move fault(Side to, FaultKind f, MessageKind inject) {
    return new Move(Type.FAULT, to, f, inject);
  }

  int code() {
    return type.ordinal() | side.ordinal() << 2 | (fault == null ? 0 : 1 + fault.ordinal()) << 3
        | (inject == null ? 0 : 1 + inject.ordinal()) << 6;
  }

  static Move decode(int code) {
    int f = (code >>> 3) & 7;
    int k = code >>> 6;
    return new Move(TYPES[code & 3], Side.values()[(code >>> 2) & 1], f == 0 ? null : FAULTS[f - 1],
        k == 0 ? null : KINDS[k - 1]);
  }

  @Override
  public String toString() {
    return switch (type) {
      case SCRIPT -> "script";
      case DELIVER -> "deliver to " + side.label();
      case FAULT -> fault.name().toLowerCase(Locale.ROOT) + (inject == null ? "" : " " + inject.label())
          + " to " + side.label();
      case TIMEOUT -> "timeout";
    };
  }
}
