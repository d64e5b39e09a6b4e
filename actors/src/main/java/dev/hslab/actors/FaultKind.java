package dev.hslab.actors;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The aimed faults of docs/cli.md ({@code --fault KIND:TARGET[:ARG]}), with what ARG each takes. */
public enum FaultKind {
  DROP(null),
  DUPLICATE(null),
  DELAY("milliseconds"),
  CORRUPT("a byte offset in the record, header included"),
  TRUNCATE("the number of bytes kept"),
  REORDER(null),
  INJECT("a message type");

  private final String argument;

  FaultKind(String argument) {
    this.argument = argument;
  }

  /** What ARG means for this kind, or null when the kind takes none. */
  public String argument() {
    return argument;
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static String names() {
    return Arrays.stream(values()).map(FaultKind::cliName).collect(Collectors.joining(", "));
  }
}
