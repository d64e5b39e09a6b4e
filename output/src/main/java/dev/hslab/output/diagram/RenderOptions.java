package dev.hslab.output.diagram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Renderer} turns DOT into pictures.
 *
 * @param engine which Graphviz to use
 * @param nativeDot the {@code dot} executable; null means "look for {@code dot} on the PATH"
 * @param embeddedLibraryDir where the embedded engine (J2V8) writes its ~19 MB native library
 *     (a copy without an executable stack, see {@code J2v8Library}); null means graphviz-java's
 *     default, the user's home directory
 * @param timeout the longest one rendering may take before it fails
 */
public record RenderOptions(Engine engine, Path nativeDot, Path embeddedLibraryDir, Duration timeout) {

  /** Which Graphviz renders. */
  public enum Engine {
    /** The native {@code dot} when it is installed (fast), else the embedded engine. */
    AUTO,
    /** Only the native {@code dot}; fails when it is missing. */
    NATIVE,
    /** Only graphviz-java's bundled viz.js on J2V8, which needs no installed Graphviz. */
    EMBEDDED
  }

  public RenderOptions {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("render timeout must be positive: " + timeout);
    }
  }

  public static RenderOptions defaults() {
    return new RenderOptions(Engine.AUTO, null, null, Duration.ofSeconds(60));
  }

  public RenderOptions withEngine(Engine e) {
    return new RenderOptions(e, nativeDot, embeddedLibraryDir, timeout);
  }

  public RenderOptions withEmbeddedLibraryDir(Path dir) {
    return new RenderOptions(engine, nativeDot, dir, timeout);
  }

  public RenderOptions withNativeDot(Path dot) {
    return new RenderOptions(engine, dot, embeddedLibraryDir, timeout);
  }
}
