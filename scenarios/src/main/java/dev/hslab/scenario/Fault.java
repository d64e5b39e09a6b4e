package dev.hslab.scenario;

import dev.hslab.model.handshake.Side;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One aimed network fault, docs/cli.md {@code --fault KIND:TARGET[:ARG]}: what happens to the
 * {@code occurrence}-th message of {@code type} that {@code side} sends. A plain value, so that
 * the actors' own fault type can be built from it (or from {@link #spec()}).
 *
 * @param argument milliseconds for delay, a byte offset (header included) for corrupt, the bytes
 *     kept for truncate, a message type for inject; empty for the other kinds
 */
public record Fault(Kind kind, Side side, String type, int occurrence, String argument) {

  /** docs/cli.md's fault kinds, in its order. */
  public enum Kind {
    DROP,
    DUPLICATE,
    DELAY,
    CORRUPT,
    TRUNCATE,
    REORDER,
    INJECT;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** What ARG means for this kind, or null when it takes none. */
    String argument() {
      return switch (this) {
        case DELAY -> "milliseconds";
        case CORRUPT -> "a byte offset in the record";
        case TRUNCATE -> "the number of bytes kept";
        case INJECT -> "a message type";
        default -> null;
      };
    }
  }

  /** The docs/cli.md text of this fault, e.g. {@code corrupt:client.finished:5}. */
  public String spec() {
    return kind.cliName() + ":" + side.label() + "." + type + (occurrence == 1 ? "" : "#" + occurrence)
        + (argument.isEmpty() ? "" : ":" + argument);
  }

  /** Parses {@code KIND:TARGET[:ARG]}; the exception's message says what is allowed. */
  public static Fault parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("'" + text + "' is not KIND:TARGET[:ARG] (e.g. drop:server.server_hello_done)");
    }
    Kind kind = Arrays.stream(Kind.values()).filter(k -> k.cliName().equals(parts[0])).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown fault kind '" + parts[0] + "' (allowed: "
            + Arrays.stream(Kind.values()).map(Kind::cliName).collect(Collectors.joining(", ")) + ")"));
    String target = parts[1];
    int occurrence = 1;
    int hash = target.indexOf('#');
    if (hash >= 0) {
      occurrence = positive(target.substring(hash + 1), "the occurrence after '#' in '" + target + "'");
      target = target.substring(0, hash);
    }
    if (Labels.problem(target).isPresent() || !Labels.MESSAGE_TYPES.contains(target.substring(target.indexOf('.') + 1))) {
      throw new IllegalArgumentException("target '" + parts[1] + "' is not client.TYPE or server.TYPE[#N] (TYPE: "
          + String.join(", ", Labels.MESSAGE_TYPES) + ")");
    }
    Side side = target.startsWith("client.") ? Side.CLIENT : Side.SERVER;
    String type = target.substring(target.indexOf('.') + 1);
    String argument = parts.length == 3 ? parts[2] : "";
    checkArgument(kind, argument);
    return new Fault(kind, side, type, occurrence, argument);
  }

  private static void checkArgument(Kind kind, String argument) {
    if (kind.argument() == null) {
      if (!argument.isEmpty()) {
        throw new IllegalArgumentException(kind.cliName() + " takes no argument, got ':" + argument + "'");
      }
    } else if (argument.isEmpty()) {
      throw new IllegalArgumentException(kind.cliName() + " needs an argument: " + kind.argument()
          + " (e.g. " + kind.cliName() + ":client.finished:" + (kind == Kind.INJECT ? "change_cipher_spec" : "5") + ")");
    } else if (kind == Kind.INJECT) {
      if (!Labels.MESSAGE_TYPES.contains(argument)) {
        throw new IllegalArgumentException("inject: unknown message type '" + argument + "' (allowed: "
            + String.join(", ", Labels.MESSAGE_TYPES) + ")");
      }
    } else if (kind == Kind.DELAY || kind == Kind.CORRUPT || kind == Kind.TRUNCATE) {
      nonNegative(argument, kind.cliName() + "'s argument (" + kind.argument() + ")");
    }
  }

  private static int positive(String text, String what) {
    int n = nonNegative(text, what);
    if (n == 0) {
      throw new IllegalArgumentException(what + " counts from 1, got 0");
    }
    return n;
  }

  private static int nonNegative(String text, String what) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(what + " must be a whole number >= 0, got '" + text + "'");
  }
}
