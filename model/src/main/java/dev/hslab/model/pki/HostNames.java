package dev.hslab.model.pki;

import java.net.IDN;
import java.util.Locale;

/**
 * Matching a reference host name against a certificate's DNS-ID (RFC 6125 §6.4): labels compared
 * case-insensitively in ASCII (A-label) form, and one wildcard form, {@code *.example.com}, whose
 * {@code *} is the whole left-most label and stands for exactly one non-empty label.
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
