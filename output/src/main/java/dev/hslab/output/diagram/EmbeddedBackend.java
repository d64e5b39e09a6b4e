package dev.hslab.output.diagram;

import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import guru.nidi.graphviz.engine.Options;
import guru.nidi.graphviz.engine.Rasterizer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * graphviz-java's bundled viz.js (Graphviz compiled to JavaScript) on J2V8, so a machine without
 * Graphviz renders too (~1 s for the first picture, 30–100 ms after). The engine is used directly,
 * not through graphviz-java's static {@code Graphviz.useEngine}, so no global state is touched.
 *
 * <p>A V8 runtime may only be used by the thread that created it, so every call runs on one
 * private thread; that also bounds each rendering by the timeout. PNG is the SVG rasterized by
 * svgSalamander (bundled with graphviz-java), in memory.
 */
final class EmbeddedBackend implements Backend {

  private static final int JSON_MEMORY = 128 * 1024 * 1024;

  /** The first installed font with Helvetica's widths, else the narrower DejaVu, else SansSerif. */
  static final String PNG_FONT = pngFont();

  private final ExecutorService thread;
  private final Duration timeout;
  private GraphvizV8Engine engine;

  EmbeddedBackend(Path libraryDir, Duration timeout) {
    this.timeout = timeout;
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "hslab-graphviz-v8");
      t.setDaemon(true);
      return t;
    });
    call(() -> {
      // Before J2V8 loads its own copy of its native library, which would make the JVM print a
      // stack-guard warning (docs/dependencies.md pitfall 6).
      J2v8Library.load(libraryDir != null ? libraryDir : Path.of(System.getProperty("user.home")));
      GraphvizV8Engine e;
      if (libraryDir == null) {
        e = new GraphvizV8Engine();
      } else {
        // J2V8 extracts into this folder but does not create it.
        java.nio.file.Files.createDirectories(libraryDir);
        e = new GraphvizV8Engine(libraryDir.toAbsolutePath().toString());
      }
      RuntimeException[] failure = new RuntimeException[1];
      e.init(ok -> {}, bad -> failure[0] = new RenderException("the embedded Graphviz engine (J2V8) is not available here"));
      if (failure[0] != null) {
        throw failure[0];
      }
      engine = e;
      return null;
    });
  }

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public String svg(String dot) {
    return call(() -> engine.execute(dot, Options.create().format(guru.nidi.graphviz.engine.Format.SVG), Rasterizer.NONE)
        .asString());
  }

  @Override
  public String json(String dot) {
    // The JSON of a large graph (every path of every configuration) outgrows viz.js's default
    // 16 MB heap; the engine is restarted with this size only when it changes.
    return call(() -> engine.execute(dot, Options.create().format(guru.nidi.graphviz.engine.Format.JSON)
        .totalMemory(JSON_MEMORY), Rasterizer.NONE).asString());
  }

  @Override
  public byte[] png(String dot) {
    // svgSalamander resolves font-family as one AWT font name and cannot parse Graphviz's
    // "Helvetica,sans-Serif" list. The layout measured Helvetica; a font as wide keeps the text
    // inside its boxes (Java's logical SansSerif, often DejaVu Sans, runs about a tenth wider).
    String svg = svg(dot).replaceAll("font-family=\"[^\"]*\"", "font-family=\"" + PNG_FONT + "\"");
    BufferedImage image = Rasterizer.SALAMANDER.rasterize(Graphviz.fromString(dot), g -> {}, svg);
    return SvgRaster.encode(image);
  }

  private static String pngFont() {
    java.util.Set<String> installed = java.util.Set.of(
        java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(java.util.Locale.ROOT));
    for (String f : java.util.List.of("Helvetica", "Arial", "Liberation Sans", "Nimbus Sans", "Nimbus Sans L",
        "DejaVu Sans Condensed")) {
      if (installed.contains(f)) {
        return f;
      }
    }
    return "SansSerif";
  }

  private <T> T call(Callable<T> task) {
    try {
      return thread.submit(task).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RenderException("the embedded Graphviz engine did not finish within " + timeout.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RenderException re) {
        throw re;
      }
      throw new RenderException("embedded Graphviz failed: " + firstLine(String.valueOf(c.getMessage())), c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderException("interrupted while rendering", e);
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() {
    try {
      if (engine != null) {
        call(() -> {
          engine.close();
          return null;
        });
      }
    } finally {
      thread.shutdownNow();
    }
  }
}
