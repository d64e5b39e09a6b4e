package dev.hslab.model.pki;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Matching a reference host name against a certificate's DNS-ID (RFC 6125 §6.4): labels compared
 * case-insensitively in ASCII (A-label) form, and one wildcard form, {@code *.example.com}, whose
 * {@code *} is the whole left-most label and stands for exactly one non-empty label. An IP
 * address is no host name: {@link #ipAddress} reads it for the iPAddress comparison.
 */
public final class HostNames {

  private HostNames() {}

  /** Whether {@code host} (what the client wanted) matches {@code dnsId} (from subjectAltName). */
  static boolean matches(String host, String dnsId) {
    String h = normalize(host);
    String p = normalize(dnsId);
    if (h == null || p == null || h.isEmpty() || isIpLiteral(h)) {
      // RFC 6125 §6.4: an IP address is matched against iPAddress entries, never a DNS-ID.
      return false;
    }
    if (!p.startsWith("*.")) {
      return !p.contains("*") && h.equals(p);
    }
    String base = p.substring(2);
    // RFC 6125 §7.2: no wildcard over a bare top-level name ("*.com"); no second wildcard.
    if (base.contains("*") || base.indexOf('.') < 0) {
      return false;
    }
    int dot = h.indexOf('.');
    // RFC 6125 §6.4.3: the wildcard matches the left-most label only, and that label is non-empty.
    return dot > 0 && h.substring(dot + 1).equals(base);
  }

  /** Lower-case ASCII form without a trailing root dot; null if not a valid IDNA name. */
  private static String normalize(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (isPlainAscii(n)) {
      // Letters, digits, hyphens in labels of 1 to 63: IDN.toASCII would return it unchanged.
      return n.toLowerCase(Locale.ROOT);
    }
    try {
      // RFC 6125 §6.4.2: internationalized labels are compared as A-labels.
      return IDN.toASCII(n, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The address {@code host} spells, if it is an IP literal: 4 bytes for dotted-quad IPv4 (four
   * decimal parts of 0 to 255, nothing shorter), 16 for IPv6 (RFC 4291 §2.2 text, brackets
   * allowed). Empty for a DNS name; a malformed literal is empty too and so matches nothing.
   */
  static Optional<byte[]> ipAddress(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!isIpLiteral(h)) {
      return Optional.empty();
    }
    if (h.indexOf(':') < 0) {
      String[] parts = h.split("\\.", -1);
      if (parts.length != 4) {
        return Optional.empty();
      }
      byte[] out = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (parts[i].isEmpty() || parts[i].length() > 3 || Integer.parseInt(parts[i]) > 255) {
          return Optional.empty();
        }
        out[i] = (byte) Integer.parseInt(parts[i]);
      }
      return Optional.of(out);
    }
    try {
      // With a colon in it, InetAddress parses a literal and never asks DNS.
      InetAddress a = InetAddress.getByName(h);
      return a instanceof Inet6Address ? Optional.of(a.getAddress()) : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** An iPAddress entry as text: dotted quad, RFC 5952 IPv6, else hex (a malformed entry). */
  static String ipText(byte[] id) {
    if (id.length == 4 || id.length == 16) {
      try {
        return InetAddress.getByAddress(id).getHostAddress();
      } catch (UnknownHostException e) {
        // unreachable for 4 or 16 bytes
      }
    }
    return java.util.HexFormat.of().formatHex(id);
  }

  /** An IPv6 literal (has a colon) or an IPv4 one (only digits and dots), not a DNS name. */
  public static boolean isIpLiteral(String h) {
    if (h.indexOf(':') >= 0) {
      return true;
    }
    if (h.isEmpty()) {
      return false;
    }
    for (int i = 0; i < h.length(); i++) {
      char ch = h.charAt(i);
      if (ch != '.' && (ch < '0' || ch > '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlainAscii(String n) {
    int label = 0;
    for (int i = 0; i < n.length(); i++) {
      char ch = n.charAt(i);
      if (ch == '.') {
        if (label == 0) {
          return false;
        }
        label = 0;
      } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-') {
        if (++label > 63) {
          return false;
        }
      } else {
        return false;
      }
    }
    return label > 0;
  }
}
