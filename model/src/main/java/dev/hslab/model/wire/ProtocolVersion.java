package dev.hslab.model.wire;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.List;

/**
 * A two-byte protocol version as it travels on the wire (RFC 5246 §6.2.1, Appendix E). Any pair
 * can appear in a ClientHello, so this is a value, not an enum; the four versions this model
 * speaks are constants.
 */
public record ProtocolVersion(int major, int minor) implements Comparable<ProtocolVersion> {

  public static final ProtocolVersion SSL3 = new ProtocolVersion(3, 0);
  public static final ProtocolVersion TLS10 = new ProtocolVersion(3, 1);
  public static final ProtocolVersion TLS11 = new ProtocolVersion(3, 2);
  public static final ProtocolVersion TLS12 = new ProtocolVersion(3, 3);

  /** The versions this model can negotiate, lowest first. */
  public static final List<ProtocolVersion> SUPPORTED = List.of(SSL3, TLS10, TLS11, TLS12);

  public ProtocolVersion {
    if (major < 0 || major > 255 || minor < 0 || minor > 255) {
      throw new IllegalArgumentException("version bytes out of range: " + major + "." + minor);
    }
  }

  public static ProtocolVersion read(WireReader r, String what) throws TlsAlertException {
    int from = r.position();
    int major = r.uint8(what);
    int minor = r.uint8(what);
    r.group(what, from);
    return new ProtocolVersion(major, minor);
  }

  public void write(WireWriter w) {
    w.uint8(major).uint8(minor);
  }

  public int code() {
    return (major << 8) | minor;
  }

  public boolean isSupported() {
    return SUPPORTED.contains(this);
  }

  public boolean isSsl3() {
    return equals(SSL3);
  }

  // Compared on every record and suite check: plain field comparisons instead of the record's
  // generated (bootstrapped) equals and hashCode, with the same meaning.
  @Override
  public boolean equals(Object o) {
    return o instanceof ProtocolVersion v && v.major == major && v.minor == minor;
  }

  @Override
  public int hashCode() {
    return code();
  }

  /** TLS 1.1 and later carry an explicit CBC IV (RFC 4346 §6.2.3.2). */
  public boolean hasExplicitIv() {
    return compareTo(TLS11) >= 0;
  }

  /** TLS 1.2 signs with an explicit SignatureAndHashAlgorithm and uses the suite's PRF hash. */
  public boolean isTls12OrLater() {
    return compareTo(TLS12) >= 0;
  }

  /** JSSE's names ({@code SSLv3}, {@code TLSv1}, ...) so traces match real engines. */
  public String jsseName() {
    if (equals(SSL3)) {
      return "SSLv3";
    } else if (equals(TLS10)) {
      return "TLSv1";
    } else if (equals(TLS11)) {
      return "TLSv1.1";
    } else if (equals(TLS12)) {
      return "TLSv1.2";
    }
    return toString();
  }

  /** The command-line names of docs/cli.md: {@code ssl3}, {@code tls1.0}, ... */
  public String cliName() {
    if (equals(SSL3)) {
      return "ssl3";
    } else if (major == 3 && minor >= 1) {
      return "tls1." + (minor - 1);
    }
    return toString();
  }

  /** The printed name, e.g. {@code TLSv1.2} (docs/cli.md's {@code negotiated.version}). */
  public String displayName() {
    if (equals(SSL3)) {
      return "SSLv3";
    } else if (major == 3 && minor >= 1) {
      return "TLSv1." + (minor - 1);
    }
    return toString();
  }

  public static ProtocolVersion fromCliName(String name) throws TlsAlertException {
    for (ProtocolVersion v : SUPPORTED) {
      if (v.cliName().equals(name)) {
        return v;
      }
    }
    throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "unknown version " + name);
  }

  @Override
  public int compareTo(ProtocolVersion o) {
    return Integer.compare(code(), o.code());
  }

  @Override
  public String toString() {
    return String.format("%d.%d", major, minor);
  }
}
