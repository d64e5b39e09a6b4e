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

  /** DTLS 1.0 (RFC 4347 §4.1): the one's complement of 1.1, the TLS version it is based on. */
  public static final ProtocolVersion DTLS10 = new ProtocolVersion(254, 255);

  /** DTLS 1.2 (RFC 6347 §4.1): {254, 253}; there is no DTLS 1.1. */
  public static final ProtocolVersion DTLS12 = new ProtocolVersion(254, 253);

  /**
   * The DTLS versions of the record and handshake layers (package {@code model.dtls}), oldest
   * first. Not in {@link #SUPPORTED}: the TLS engine and its tables never negotiate them.
   */
  public static final List<ProtocolVersion> DTLS = List.of(DTLS10, DTLS12);

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

  /** Whether this is a DTLS version (major 254, RFC 6347 §4.1). */
  public boolean isDtls() {
    return major == 254;
  }

  /**
   * The TLS version whose record protection, PRF and key block this version uses: DTLS 1.0 is
   * TLS 1.1 (RFC 4347 §1, explicit CBC IVs), DTLS 1.2 is TLS 1.2 (RFC 6347 §1); any other
   * version is itself. DTLS minor numbers run backwards, so DTLS versions must not be compared
   * with {@link #compareTo} against TLS ones: compare their equivalents.
   */
  public ProtocolVersion tlsEquivalent() {
    if (equals(DTLS10)) {
      return TLS11;
    } else if (equals(DTLS12)) {
      return TLS12;
    }
    return this;
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
    return tlsEquivalent().compareTo(TLS11) >= 0;
  }

  /** TLS 1.2 signs with an explicit SignatureAndHashAlgorithm and uses the suite's PRF hash. */
  public boolean isTls12OrLater() {
    return tlsEquivalent().compareTo(TLS12) >= 0;
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
    } else if (equals(DTLS10)) {
      return "DTLSv1.0";
    } else if (equals(DTLS12)) {
      return "DTLSv1.2";
    }
    return toString();
  }

  /** The command-line names of docs/cli.md: {@code ssl3}, {@code tls1.0}, ... */
  public String cliName() {
    if (equals(SSL3)) {
      return "ssl3";
    } else if (major == 3 && minor >= 1) {
      return "tls1." + (minor - 1);
    } else if (equals(DTLS10) || equals(DTLS12)) {
      return equals(DTLS10) ? "dtls1.0" : "dtls1.2";
    }
    return toString();
  }

  /** The printed name, e.g. {@code TLSv1.2} (docs/cli.md's {@code negotiated.version}). */
  public String displayName() {
    if (equals(SSL3)) {
      return "SSLv3";
    } else if (major == 3 && minor >= 1) {
      return "TLSv1." + (minor - 1);
    } else if (equals(DTLS10) || equals(DTLS12)) {
      return jsseName();
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

  /**
   * Older first. Two DTLS versions compare by what they are (DTLS 1.0 before DTLS 1.2, though
   * its minor byte is higher: RFC 6347 §4.1); anything else by its two bytes, as TLS always has.
   */
  @Override
  public int compareTo(ProtocolVersion o) {
    if (isDtls() && o.isDtls()) {
      return Integer.compare(o.minor, minor);
    }
    return Integer.compare(code(), o.code());
  }

  @Override
  public String toString() {
    return String.format("%d.%d", major, minor);
  }
}
