package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's gallery is what the code draws today: refresh it with {@code hslab render gallery --out docs/gallery}. */
class GalleryTest {

  private static final Path GALLERY = Path.of("..", "docs", "gallery");

  @Test
  void theCommittedGalleryIsUpToDate() throws Exception {
    Map<String, String> fresh = Gallery.sources();
    assertThat(fresh).containsOnlyKeys("client-states", "server-states", "paths-tls12", "sequence-reference");
    for (Map.Entry<String, String> e : fresh.entrySet()) {
      Path dot = GALLERY.resolve(e.getKey() + ".dot");
      assertThat(Files.readString(dot, StandardCharsets.UTF_8))
          .as("%s is out of date: run hslab render gallery --out docs/gallery", dot)
          .isEqualTo(e.getValue());
      Path svg = GALLERY.resolve(e.getKey() + ".svg");
      assertThat(Files.readString(svg, StandardCharsets.UTF_8)).as("%s", svg).contains("<svg");
    }
  }

  /** The charts are SVG drawn by our own code from a seeded run, so the SVG itself is compared. */
  @Test
  void theCommittedChartsAreUpToDate() throws Exception {
    Map<String, String> fresh = Gallery.charts();
    assertThat(fresh).containsOnlyKeys("sweep-reference");
    for (Map.Entry<String, String> e : fresh.entrySet()) {
      Path svg = GALLERY.resolve(e.getKey() + ".svg");
      assertThat(Files.readString(svg, StandardCharsets.UTF_8))
          .as("%s is out of date: run hslab render gallery --out docs/gallery", svg)
          .isEqualTo(e.getValue());
    }
  }
}
