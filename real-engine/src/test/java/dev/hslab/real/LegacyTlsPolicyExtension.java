package dev.hslab.real;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Applies {@link JvmTlsPolicy} before every test class of this module (registered by JUnit's
 * extension auto-detection, {@code junit-platform.properties}). JSSE reads the policy once, at the
 * first handshake of the JVM, and surefire runs the classes in no fixed order: a class that
 * handshakes without it first would leave TLS 1.0/1.1 and the anonymous suites disabled for all
 * the others.
 */
public final class LegacyTlsPolicyExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    JvmTlsPolicy.enableLegacyTlsForThisJvm();
  }
}
