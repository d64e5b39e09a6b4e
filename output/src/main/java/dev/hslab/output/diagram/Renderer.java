package dev.hslab.output.diagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns DOT into SVG or PNG: with the native {@code dot} when it is installed, else with the
 * embedded engine, so a fresh machine renders too (issue 7). Open one renderer for many
 * pictures (the embedded engine costs about a second to start) and close it afterwards.
 */
public final class Renderer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Renderer.class);

  private final Backend backend;

  private Renderer(Backend backend) {
    this.backend = backend;
  }

  public static Renderer open(RenderOptions options) {
    Optional<Path> dot = options.nativeDot() != null ? Optional.of(options.nativeDot()) : NativeBackend.findOnPath();
    Backend b = switch (options.engine()) {
      case NATIVE -> new NativeBackend(
          dot.orElseThrow(() -> new RenderException("Graphviz 'dot' is not installed (not found on the PATH)")),
          options.timeout());
      case EMBEDDED -> new EmbeddedBackend(options.embeddedLibraryDir(), options.timeout());
      case AUTO -> dot.isPresent()
          ? new NativeBackend(dot.get(), options.timeout())
          : new EmbeddedBackend(options.embeddedLibraryDir(), options.timeout());
    };
    LOG.debug("rendering with the {} Graphviz engine", b.name());
    return new Renderer(b);
  }

  /** Renders one picture with the default options and writes it to {@code out}. */
  public static void render(String dot, Format format, Path out) {
    if (format == Format.DOT) {
      write(out, dot.getBytes(StandardCharsets.UTF_8));
      return;
    }
    try (Renderer r = open(RenderOptions.defaults())) {
      r.write(dot, format, out);
    }
  }

  /** {@code native} or {@code embedded}. */
  public String engineName() {
    return backend.name();
  }

  /** The picture's bytes: SVG as UTF-8, PNG, or the DOT source itself. */
  public byte[] render(String dot, Format format) {
    return switch (format) {
      case SVG -> backend.svg(dot).getBytes(StandardCharsets.UTF_8);
      case PNG -> backend.png(dot);
      case DOT -> dot.getBytes(StandardCharsets.UTF_8);
    };
  }

  /**
   * Lays the picture out without drawing it: where Graphviz put every node and label, read from
   * its JSON output ({@code -Tjson}) by the same engine that draws the pictures.
   */
  public Layout layout(String dot) {
    return Layout.parse(backend.json(dot));
  }

  public void write(String dot, Format format, Path out) {
    write(out, render(dot, format));
  }

  private static void write(Path out, byte[] bytes) {
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(out, bytes);
    } catch (IOException e) {
      throw new RenderException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    backend.close();
  }
}
