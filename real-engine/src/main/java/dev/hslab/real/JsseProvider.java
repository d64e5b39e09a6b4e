package dev.hslab.real;

import java.security.Provider;
import java.security.Security;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * The two JSSE providers a {@link JsseEngine} can run on. Each is used by passing its
 * {@link Provider} object to {@code SSLContext.getInstance}, so nothing is registered in the JVM's
 * provider list and SunJSSE stays the default for everyone else (docs/dependencies.md pitfall 5).
 */
public enum JsseProvider {
  /** The JDK's own SunJSSE. */
  JSSE("jsse"),
  /** BouncyCastle's JSSE provider (bctls) over the BouncyCastle crypto provider. */
  BCJSSE("bcjsse");

  private final String engineName;

  JsseProvider(String engineName) {
    this.engineName = engineName;
  }

  /** The {@code Engine.name()} and docs/cli.md {@code --client-engine} value. */
  public String engineName() {
    return engineName;
  }

  public Provider provider() {
    return this == JSSE ? Sun.PROVIDER : Bc.JSSE;
  }

  /**
   * The provider's key manager factory that reads each key once, when it is initialised with a
   * key store and password, and holds it in memory: SunJSSE's {@code SunX509} (the JDK's default,
   * {@code ssl.KeyManagerFactory.algorithm} in java.security; its "PKIX" one reads the key back
   * from the store, through {@code KeyStore.Builder}, for every handshake), BCJSSE's {@code X.509}
   * (its only one; initialised with a key store it loads the credentials then).
   */
  public String inMemoryKeyManager() {
    return this == JSSE ? "SunX509" : "X.509";
  }

  /** {@code jsse} or {@code bcjsse}; anything else is a clear usage error. */
  public static JsseProvider fromEngineName(String name) {
    for (JsseProvider p : values()) {
      if (p.engineName.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown real engine '" + name + "' (expected jsse or bcjsse)");
  }

  /** Resolved on first use only. */
  private static final class Sun {
    static final Provider PROVIDER = require(Security.getProvider("SunJSSE"));

    private static Provider require(Provider p) {
      if (p == null) {
        throw new IllegalStateException("the SunJSSE provider is not installed in this JVM");
      }
      return p;
    }
  }

  /** Created on first use only, so a run that never uses BCJSSE never loads it. */
  private static final class Bc {
    /**
     * BCJSSE logs handshake details at INFO through java.util.logging (docs/dependencies.md pitfall 4);
     * held in a field because JUL keeps loggers weakly and would forget the level.
     */
    static final Logger QUIET = quiet();
    static final Provider JSSE = new BouncyCastleJsseProvider(new BouncyCastleProvider());

    private static Logger quiet() {
      Logger l = Logger.getLogger("org.bouncycastle.jsse");
      l.setLevel(Level.SEVERE);
      return l;
    }
  }
}
