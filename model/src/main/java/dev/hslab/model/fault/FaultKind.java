package dev.hslab.model.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the network may do to a record, in the order of the command line's {@code --fault} kinds.
 * The explorer explores some of them (its {@code ExploreOptions.FAULT_KINDS}); the actors apply
 * them all.
 */
public enum FaultKind {
  /** The record is lost. */
  DROP(Argument.NONE),
  /** The record arrives, and a copy after it. */
  DUPLICATE(Argument.NONE),
  /** The record is held back for some virtual milliseconds; what follows it waits (a stream). */
  DELAY(Argument.MILLISECONDS),
  /** One bit of the record, at a byte offset, is flipped. */
  CORRUPT(Argument.BYTE_OFFSET),
  /** The record is cut after some bytes. */
  TRUNCATE(Argument.BYTES_KEPT),
  /** The record and its sender's next one change places. */
  REORDER(Argument.NONE),
  /** A well-formed message of a given kind is put on the wire before the record, as if from its sender. */
  INJECT(Argument.MESSAGE);

  /** What a kind's argument is. */
  public enum Argument {
    NONE(null),
    MILLISECONDS("milliseconds"),
    BYTE_OFFSET("a byte offset in the record, header included"),
    BYTES_KEPT("the number of bytes kept"),
    MESSAGE("a message type");

    private final String meaning;

    Argument(String meaning) {
      this.meaning = meaning;
    }

    /** What the argument means, in words; null for {@link #NONE}. */
    public String meaning() {
      return meaning;
    }
  }

  private final Argument argument;

  FaultKind(Argument argument) {
    this.argument = argument;
  }

  public Argument argument() {
    return argument;
  }

  public boolean takesArgument() {
    return argument != Argument.NONE;
  }

  /** The kind's name in the text grammar and the reports: {@code drop}, {@code reorder}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every label, comma-separated, in declaration order. */
  public static String labels() {
    return Arrays.stream(values()).map(FaultKind::label).collect(Collectors.joining(", "));
  }
}
