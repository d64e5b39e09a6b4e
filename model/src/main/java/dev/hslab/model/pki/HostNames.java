package dev.hslab.model.pki;

import java.net.IDN;
import java.util.Locale;

/**
 * Matching a reference host name against a certificate's DNS-ID (RFC 6125 §6.4): labels compared
 * case-insensitively in ASCII (A-label) form, and one wildcard form, {@code *.example.com}, whose
 * {@code *} is the whole left-most label and stands for exactly one non-empty label.
 */
final class HostNames {

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
    try {
      // RFC 6125 §6.4.2: internationalized labels are compared as A-labels.
      return IDN.toASCII(n, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isIpLiteral(String h) {
    return h.contains(":") || h.matches("[0-9.]+");
  }
}
