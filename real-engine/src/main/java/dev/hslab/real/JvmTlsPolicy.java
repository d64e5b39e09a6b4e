package dev.hslab.real;

import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place that changes JVM-wide TLS policy, called explicitly by the command line and by
 * tests, never by library code on its own.
 *
 * <p>Why it is needed: OpenJDK 17's {@code jdk.tls.disabledAlgorithms} security property disables
 * SSLv3, TLS 1.0, TLS 1.1, anonymous suites ({@code anon}) and static/anonymous ECDH ({@code ECDH}).
 * A per-engine {@code SSLParameters.setAlgorithmConstraints} cannot lift that: SunJSSE checks the
 * user's constraints <em>and</em> the property's, so user constraints can only restrict further;
 * BCJSSE does the same with the same property. Both providers read the property once, when their
 * constraint classes initialize on the first handshake, so this must run before the first TLS
 * connection of the JVM (later calls change the property but no longer take effect).
 *
 * <p>What it does: removes exactly {@link #LEGACY_ENTRIES} from the property and keeps every other
 * entry (RC4, DES, 3DES, NULL, MD5withRSA, key-size limits). {@code ECDH} disables only static
 * ECDH and ECDH_anon suites, never ECDHE. The alternative without code is a JVM started with
 * {@code -Djava.security.properties=FILE} holding the same property.
 */
public final class JvmTlsPolicy {

  public static final String PROPERTY = "jdk.tls.disabledAlgorithms";

  /** The entries removed: the protocol versions and key exchanges Handshake Lab studies. */
  public static final Set<String> LEGACY_ENTRIES = Set.of("SSLv3", "TLSv1", "TLSv1.1", "anon", "ECDH");

  private JvmTlsPolicy() {}

  /**
   * Enables SSLv3, TLS 1.0, TLS 1.1 and the anonymous suites for every TLS engine of this JVM
   * (JVM-wide: it edits a security property). Idempotent; returns the property's new value.
   */
  public static synchronized String enableLegacyTlsForThisJvm() {
    String current = Security.getProperty(PROPERTY);
    String updated = withoutLegacy(current == null ? "" : current);
    Security.setProperty(PROPERTY, updated);
    return updated;
  }

  /** The property value minus {@link #LEGACY_ENTRIES} (entries are comma-separated). */
  static String withoutLegacy(String value) {
    List<String> kept = new ArrayList<>();
    for (String entry : value.split(",")) {
      String e = entry.trim();
      if (!e.isEmpty() && !LEGACY_ENTRIES.contains(e)) {
        kept.add(e);
      }
    }
    return String.join(", ", kept);
  }
}
