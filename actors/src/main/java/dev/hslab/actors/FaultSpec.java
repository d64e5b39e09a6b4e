package dev.hslab.actors;

import dev.hslab.model.handshake.Side;
import java.util.Locale;

/**
 * One aimed fault, {@code KIND:TARGET[:ARG]} (docs/cli.md "Network faults"): what to do to the
 * {@code occurrence}-th message of {@code type} that {@code side} sends. Each handshake message
 * travels in its own record in simulation, so a fault hits exactly one message.
 *
 * @param amount milliseconds for {@code delay}, the byte offset for {@code corrupt}, the bytes
 *     kept for {@code truncate}; 0 otherwise
 * @param injectType the type of the injected message for {@code inject}; null otherwise
 */
public record FaultSpec(FaultKind kind, Target target, double amount, String injectType) {

  /** {@code side.type#occurrence}: the occurrence counts from 1 over the whole connection. */
  public record Target(Side side, String type, int occurrence) {

    public boolean matches(Side from, String messageType, int nth) {
      return side == from && type.equals(messageType) && occurrence == nth;
    }

    @Override
    public String toString() {
      return side.label() + "." + type + (occurrence == 1 ? "" : "#" + occurrence);
    }
  }

  public FaultSpec {
    if ((kind == FaultKind.INJECT) != (injectType != null)) {
      throw new IllegalArgumentException("inject, and only inject, names a message type");
    }
  }

  public double delayMs() {
    return amount;
  }

  public int offset() {
    return (int) amount;
  }

  public int kept() {
    return (int) amount;
  }

  /**
   * Parses {@code KIND:TARGET[:ARG]}, e.g. {@code drop:server.server_key_exchange},
   * {@code corrupt:client.finished:5}, {@code delay:server.server_hello_done#1:3000},
   * {@code inject:client.finished:change_cipher_spec}.
   *
   * @throws IllegalArgumentException whose message says in one line what is wrong and where
   */
  public static FaultSpec parse(String text) {
    String spec = text == null ? "" : text.trim();
    String[] parts = spec.split(":", -1);
    if (spec.isEmpty() || parts.length < 2 || parts.length > 3) {
      throw bad(spec, "expected KIND:TARGET[:ARG], e.g. drop:server.server_key_exchange or corrupt:client.finished:5");
    }
    FaultKind kind = kind(spec, parts[0]);
    Target target = target(spec, parts[1]);
    if (kind.argument() == null) {
      if (parts.length == 3) {
        throw bad(spec, kind.cliName() + " takes no argument, got ':" + parts[2] + "'");
      }
      return new FaultSpec(kind, target, 0, null);
    }
    if (parts.length < 3 || parts[2].isBlank()) {
      throw bad(spec, kind.cliName() + " needs an argument: " + kind.argument());
    }
    String arg = parts[2].trim();
    return switch (kind) {
      case INJECT -> {
        if (!MessageTypes.known(arg)) {
          throw bad(spec, "unknown message type '" + arg + "' to inject; one of " + String.join(", ", MessageTypes.ALL));
        }
        yield new FaultSpec(kind, target, 0, arg);
      }
      case DELAY -> new FaultSpec(kind, target, number(spec, arg, kind, true), null);
      default -> new FaultSpec(kind, target, number(spec, arg, kind, false), null);
    };
  }

  private static FaultKind kind(String spec, String word) {
    for (FaultKind k : FaultKind.values()) {
      if (k.cliName().equals(word.trim().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw bad(spec, "unknown fault kind '" + word + "'; one of " + FaultKind.names());
  }

  private static Target target(String spec, String text) {
    String t = text.trim();
    int dot = t.indexOf('.');
    if (dot < 0) {
      throw bad(spec, "target '" + t + "' must be client.TYPE or server.TYPE, optionally with #N");
    }
    String sideName = t.substring(0, dot);
    Side side = switch (sideName) {
      case "client" -> Side.CLIENT;
      case "server" -> Side.SERVER;
      default -> throw bad(spec, "target side '" + sideName + "' must be client or server");
    };
    String type = t.substring(dot + 1);
    int occurrence = 1;
    int hash = type.indexOf('#');
    if (hash >= 0) {
      String n = type.substring(hash + 1);
      type = type.substring(0, hash);
      try {
        occurrence = Integer.parseInt(n);
      } catch (NumberFormatException e) {
        occurrence = 0;
      }
      if (occurrence < 1) {
        throw bad(spec, "'#" + n + "' must be a message number from 1");
      }
    }
    if (!MessageTypes.known(type)) {
      throw bad(spec, "unknown message type '" + type + "'; one of " + String.join(", ", MessageTypes.ALL));
    }
    return new Target(side, type, occurrence);
  }

  private static double number(String spec, String arg, FaultKind kind, boolean fractional) {
    double v;
    try {
      v = fractional ? Double.parseDouble(arg) : Integer.parseInt(arg);
    } catch (NumberFormatException e) {
      throw bad(spec, kind.cliName() + " argument '" + arg + "' is not " + (fractional ? "a number" : "a whole number")
          + " (" + kind.argument() + ")");
    }
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw bad(spec, kind.cliName() + " argument '" + arg + "' must not be negative (" + kind.argument() + ")");
    }
    return v;
  }

  private static IllegalArgumentException bad(String spec, String what) {
    return new IllegalArgumentException("--fault '" + spec + "': " + what);
  }

  /** The canonical text, parseable again. */
  @Override
  public String toString() {
    String arg = switch (kind) {
      case DELAY -> ":" + (amount == Math.rint(amount) ? Long.toString((long) amount) : Double.toString(amount));
      case CORRUPT, TRUNCATE -> ":" + (int) amount;
      case INJECT -> ":" + injectType;
      default -> "";
    };
    return kind.cliName() + ":" + target + arg;
  }
}
