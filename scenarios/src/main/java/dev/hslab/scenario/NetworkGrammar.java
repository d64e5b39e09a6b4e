package dev.hslab.scenario;

import dev.hslab.actors.Latency;
import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Transport;
import dev.hslab.actors.tcp.TcpOptions;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text grammar of the network, read once at the edge: the command line's network flags and
 * the scenario reader's {@code network:} block both use it, and the actors and the explorer get
 * typed values ({@link Fault}, {@link Latency}, {@link NetworkOptions}).
 *
 * <ul>
 *   <li>a fault: {@code KIND:TARGET[:ARG]}, TARGET {@code client.TYPE} or {@code server.TYPE},
 *       optionally {@code #N}; {@link Fault#spec()} writes it back;
 *   <li>a latency: {@code MS} (fixed) or {@code MIN-MAX} (uniform), virtual milliseconds;
 *   <li>a probability per record (per segment under TCP), between 0 and 1;
 *   <li>a transport: {@code tcp} (the default for TLS) or {@code none}.
 * </ul>
 *
 * <p>{@link #fault} and {@link #latency} say what is wrong without naming where the text came
 * from; the caller adds its flag or field, as {@link #fromFlags} does for the command line.
 */
public final class NetworkGrammar {

  private NetworkGrammar() {}

  /**
   * Reads {@code KIND:TARGET[:ARG]}, e.g. {@code drop:server.server_key_exchange},
   * {@code corrupt:client.finished:5}, {@code delay:server.server_hello_done#2:3000},
   * {@code inject:client.finished:change_cipher_spec}.
   *
   * @throws IllegalArgumentException whose message says in one line what is wrong
   */
  public static Fault fault(String text) {
    String spec = text == null ? "" : text.trim();
    String[] parts = spec.split(":", -1);
    if (spec.isEmpty() || parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "expected KIND:TARGET[:ARG], e.g. drop:server.server_key_exchange or corrupt:client.finished:5");
    }
    FaultKind kind = kind(parts[0]);
    Fault.Target target = target(parts[1]);
    if (!kind.takesArgument()) {
      if (parts.length == 3) {
        throw new IllegalArgumentException(kind.label() + " takes no argument, got ':" + parts[2] + "'");
      }
      return Fault.of(kind, target);
    }
    if (parts.length < 3 || parts[2].isBlank()) {
      throw new IllegalArgumentException(kind.label() + " needs an argument: " + kind.argument().meaning());
    }
    String arg = parts[2].trim();
    return switch (kind.argument()) {
      case MESSAGE -> {
        if (!MessageKind.typeNames().contains(arg)) {
          throw new IllegalArgumentException("unknown message type '" + arg + "' to inject; one of "
              + String.join(", ", MessageKind.typeNames()));
        }
        yield Fault.inject(target, MessageKind.ofTypeName(arg));
      }
      case MILLISECONDS -> Fault.delay(target, number(arg, kind, true));
      case BYTE_OFFSET -> Fault.corrupt(target, (int) number(arg, kind, false));
      case BYTES_KEPT -> Fault.truncate(target, (int) number(arg, kind, false));
      case NONE -> throw new IllegalStateException("unreachable: " + kind + " takes an argument");
    };
  }

  /**
   * Reads {@code MS} or {@code MIN-MAX} in virtual milliseconds: a fixed or a uniform latency.
   *
   * @throws IllegalArgumentException whose message says what is wrong
   */
  public static Latency latency(String text) {
    String t = text == null ? "" : text.trim();
    int dash = t.indexOf('-', 1);
    try {
      if (dash < 0) {
        return new Latency.Fixed(Double.parseDouble(t));
      }
      return new Latency.Uniform(Double.parseDouble(t.substring(0, dash)), Double.parseDouble(t.substring(dash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected MS or MIN-MAX in milliseconds, e.g. 5 or 1-20");
    }
  }

  /** What carries the records when neither {@code --transport} nor a scenario's {@code transport:} says: TCP, as on a real network. */
  public static final Transport DEFAULT_TRANSPORT = Transport.TCP;

  /**
   * The transports of {@code --transport} and a scenario's {@code transport:}. UDP carries
   * datagram engines (DTLS), which the command line does not build yet (issue #19's
   * {@code --protocol dtls}); a TLS engine over it would only be {@code none} unordered.
   */
  public static final List<Transport> TRANSPORTS = List.of(Transport.TCP, Transport.NONE);

  /**
   * Reads {@code tcp} or {@code none}.
   *
   * @throws IllegalArgumentException whose message says what is wrong
   */
  public static Transport transport(String text) {
    return Transport.of(text, TRANSPORTS);
  }

  /**
   * Checks a lower bound of TCP's RTO in milliseconds: RFC 6298 §2.4's 1000, Linux's 200, or any
   * value in between or above, up to the 120 s maximum.
   *
   * @throws IllegalArgumentException whose message says what is wrong
   */
  public static double minRto(double ms) {
    if (!(ms > 0 && ms <= 120_000)) {
      throw new IllegalArgumentException("must be a number of milliseconds above 0 and at most 120000, e.g. 1000 (RFC 6298) or 200 (Linux)");
    }
    return ms;
  }

  /** Whether {@code p} is a probability: between 0 and 1, both included. */
  public static boolean isProbability(double p) {
    return p >= 0 && p <= 1;
  }

  /**
   * The network options the command line's flags give: {@code --loss P --dup P --reorder P
   * --corrupt P --latency MS|MIN-MAX} and repeated {@code --fault KIND:TARGET[:ARG]}; null means
   * the flag was not given (no fault of that kind, the default latency).
   *
   * @throws IllegalArgumentException naming the flag and what is wrong with it, e.g.
   *     {@code --loss 2: must be a probability between 0 and 1}
   */
  public static NetworkOptions fromFlags(Double loss, Double dup, Double reorder, Double corrupt, String latency,
      List<String> faults) {
    return fromFlags(loss, dup, reorder, corrupt, latency, faults, null, null);
  }

  /**
   * {@link #fromFlags(Double, Double, Double, Double, String, List)} with {@code --transport tcp|none}
   * (null: {@link #DEFAULT_TRANSPORT}) and {@code --min-rto MS} (null: RFC 6298's 1 s).
   */
  public static NetworkOptions fromFlags(Double loss, Double dup, Double reorder, Double corrupt, String latency,
      List<String> faults, String transport, Double minRtoMs) {
    NetworkOptions base = fromRecordFlags(loss, dup, reorder, corrupt, latency, faults);
    try {
      base = base.withTransport(transport == null ? DEFAULT_TRANSPORT : transport(transport));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--transport '" + transport.trim() + "': " + e.getMessage(), e);
    }
    if (minRtoMs != null) {
      try {
        base = base.withTcp(TcpOptions.defaults().withMinRto(minRto(minRtoMs)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--min-rto " + minRtoMs + ": " + e.getMessage(), e);
      }
    }
    return base;
  }

  private static NetworkOptions fromRecordFlags(Double loss, Double dup, Double reorder, Double corrupt, String latency,
      List<String> faults) {
    double[] p = {probability("--loss", loss), probability("--dup", dup), probability("--reorder", reorder),
        probability("--corrupt", corrupt)};
    NetworkOptions options = NetworkOptions.perfect().withRandomFaults(p[0], p[1], p[2], p[3], 0);
    if (latency != null) {
      try {
        options = options.withLatency(latency(latency));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--latency '" + latency.trim() + "': " + e.getMessage(), e);
      }
    }
    List<Fault> aimed = new ArrayList<>();
    for (String f : faults == null ? List.<String>of() : faults) {
      try {
        aimed.add(fault(f));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--fault '" + (f == null ? "" : f.trim()) + "': " + e.getMessage(), e);
      }
    }
    return options.withFaults(aimed);
  }

  private static double probability(String flag, Double p) {
    if (p == null) {
      return 0;
    }
    if (!isProbability(p)) {
      String v = p == Math.rint(p) && Math.abs(p) < 1e15 ? Long.toString(p.longValue()) : Double.toString(p);
      throw new IllegalArgumentException(flag + " " + v + ": must be a probability between 0 and 1");
    }
    return p;
  }

  private static FaultKind kind(String word) {
    for (FaultKind k : FaultKind.values()) {
      if (k.label().equals(word.trim().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown fault kind '" + word + "'; one of " + FaultKind.labels());
  }

  private static Fault.Target target(String text) {
    String t = text.trim();
    int dot = t.indexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException("target '" + t + "' must be client.TYPE or server.TYPE, optionally with #N");
    }
    String sideName = t.substring(0, dot);
    Side side = switch (sideName) {
      case "client" -> Side.CLIENT;
      case "server" -> Side.SERVER;
      default -> throw new IllegalArgumentException("target side '" + sideName + "' must be client or server");
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
        throw new IllegalArgumentException("'#" + n + "' must be a message number from 1");
      }
    }
    if (!MessageKind.typeNames().contains(type)) {
      throw new IllegalArgumentException("unknown message type '" + type + "'; one of "
          + String.join(", ", MessageKind.typeNames()));
    }
    return new Fault.Target(side, MessageKind.ofTypeName(type), occurrence);
  }

  private static double number(String arg, FaultKind kind, boolean fractional) {
    double v;
    try {
      v = fractional ? Double.parseDouble(arg) : Integer.parseInt(arg);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(kind.label() + " argument '" + arg + "' is not "
          + (fractional ? "a number" : "a whole number") + " (" + kind.argument().meaning() + ")");
    }
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(kind.label() + " argument '" + arg + "' must not be negative ("
          + kind.argument().meaning() + ")");
    }
    return v;
  }
}
