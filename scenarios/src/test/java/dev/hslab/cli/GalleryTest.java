package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.hslab.output.diagram.SequenceDiagram;
import org.junit.jupiter.api.Test;

/** The README's gallery is what the code draws today: refresh it with {@code hslab render gallery --out docs/gallery}. */
class GalleryTest {

  private static final Path GALLERY = Path.of("..", "docs", "gallery");

  @Test
  void theCommittedGalleryIsUpToDate() throws Exception {
    Map<String, String> fresh = Gallery.sources();
    assertThat(fresh).containsOnlyKeys("client-states", "server-states", "paths-tls12");
    for (Map.Entry<String, String> e : fresh.entrySet()) {
      Path dot = GALLERY.resolve(e.getKey() + ".dot");
      assertThat(Files.readString(dot, StandardCharsets.UTF_8))
          .as("%s is out of date: run hslab render gallery --out docs/gallery", dot)
          .isEqualTo(e.getValue());
      Path svg = GALLERY.resolve(e.getKey() + ".svg");
      assertThat(Files.readString(svg, StandardCharsets.UTF_8)).as("%s", svg).contains("<svg");
    }
    // The ladder diagrams are drawn without Graphviz: their SVG itself is byte-stable.
    Map<String, Gallery.Sequence> sequences = Gallery.sequences();
    assertThat(sequences).containsOnlyKeys("sequence-reference");
    for (Map.Entry<String, Gallery.Sequence> e : sequences.entrySet()) {
      Path svg = GALLERY.resolve(e.getKey() + ".svg");
      assertThat(Files.readString(svg, StandardCharsets.UTF_8))
          .as("%s is out of date: run hslab render gallery --out docs/gallery", svg)
          .isEqualTo(SequenceDiagram.svg(e.getValue().trace(), e.getValue().options(), 1));
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
