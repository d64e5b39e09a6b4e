package dev.hslab.model.fault;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import java.util.Objects;

/**
 * One aimed fault: what the network does to the {@code occurrence}-th message of a type that a
 * side sends. Each handshake message travels in its own record in simulation, so a fault hits
 * exactly one message. {@link #spec()} is the canonical text ({@code drop:server.server_hello_done},
 * {@code corrupt:client.finished:5}, {@code delay:server.finished#2:3000}), which the edge's
 * grammar reads back to an equal value.
 */
public record Fault(FaultKind kind, Target target, Argument argument) {

  /**
   * {@code side.type#occurrence}, the occurrence counted from 1 over the whole connection. A
   * target names a type, not a table kind: the alert kinds share the type {@code alert}, so the
   * constructor keeps one kind per type name ({@link MessageKind#ofTypeName}).
   */
  public record Target(Side side, MessageKind message, int occurrence) {

    public Target {
      Objects.requireNonNull(side, "side");
      message = MessageKind.ofTypeName(message.typeName());
      if (occurrence < 1) {
        throw new IllegalArgumentException("occurrence counts from 1, got " + occurrence);
      }
    }

    public Target(Side side, MessageKind message) {
      this(side, message, 1);
    }

    /** Whether the {@code nth} message of type {@code type} that {@code from} sends is this target. */
    public boolean matches(Side from, String type, int nth) {
      return side == from && message.typeName().equals(type) && occurrence == nth;
    }

    @Override
    public String toString() {
      return side.label() + "." + message.typeName() + (occurrence == 1 ? "" : "#" + occurrence);
    }
  }

  /** A kind's argument, typed by what it means. */
  public sealed interface Argument {
    /** The argument's text in a spec, without the colon. */
    String text();
  }

  /** For drop, duplicate and reorder. */
  public record NoArgument() implements Argument {
    @Override
    public String text() {
      return "";
    }
  }

  public record DelayMs(double ms) implements Argument {
    public DelayMs {
      if (!(ms >= 0) || Double.isInfinite(ms)) {
        throw new IllegalArgumentException("delay must be a non-negative number of ms, got " + ms);
      }
    }

    @Override
    public String text() {
      return ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms);
    }
  }

  /** The byte flipped, counted from the record header's first byte. */
  public record ByteOffset(int offset) implements Argument {
    public ByteOffset {
      if (offset < 0) {
        throw new IllegalArgumentException("byte offset must not be negative, got " + offset);
      }
    }

    @Override
    public String text() {
      return Integer.toString(offset);
    }
  }

  public record BytesKept(int kept) implements Argument {
    public BytesKept {
      if (kept < 0) {
        throw new IllegalArgumentException("bytes kept must not be negative, got " + kept);
      }
    }

    @Override
    public String text() {
      return Integer.toString(kept);
    }
  }

  /** The message put on the wire; alerts by their type name, like targets. */
  public record Injected(MessageKind message) implements Argument {
    public Injected {
      message = MessageKind.ofTypeName(message.typeName());
    }

    @Override
    public String text() {
      return message.typeName();
    }
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Class<?> expected = switch (kind.argument()) {
      case NONE -> NoArgument.class;
      case MILLISECONDS -> DelayMs.class;
      case BYTE_OFFSET -> ByteOffset.class;
      case BYTES_KEPT -> BytesKept.class;
      case MESSAGE -> Injected.class;
    };
    if (!expected.isInstance(argument)) {
      throw new IllegalArgumentException(kind.label() + " takes " + expected.getSimpleName() + ", got " + argument);
    }
  }

  /** A fault of a kind that takes no argument: drop, duplicate, reorder. */
  public static Fault of(FaultKind kind, Target target) {
    return new Fault(kind, target, new NoArgument());
  }

  public static Fault delay(Target target, double ms) {
    return new Fault(FaultKind.DELAY, target, new DelayMs(ms));
  }

  public static Fault corrupt(Target target, int offset) {
    return new Fault(FaultKind.CORRUPT, target, new ByteOffset(offset));
  }

  public static Fault truncate(Target target, int kept) {
    return new Fault(FaultKind.TRUNCATE, target, new BytesKept(kept));
  }

  public static Fault inject(Target target, MessageKind message) {
    return new Fault(FaultKind.INJECT, target, new Injected(message));
  }

  /** The canonical text {@code KIND:TARGET[:ARG]}. */
  public String spec() {
    String arg = argument.text();
    return kind.label() + ":" + target + (arg.isEmpty() ? "" : ":" + arg);
  }

  @Override
  public String toString() {
    return spec();
  }
}
