package dev.hslab.output.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The boxes read from Graphviz's JSON layout, and the overlaps found between them. */
class LayoutTest {

  /** A cluster with two nodes, an edge whose two-line label lies on node b, and a node's xlabel. */
  private static final String JSON = """
      {"name": "g", "bb": "0,0,200,200", "label": "title", "lp": "100,190", "lwidth": "0.5", "lheight": "0.2",
       "_subgraph_cnt": 1,
       "objects": [
         {"name": "cluster_x", "bb": "10,10,190,170", "label": "band", "lp": "30,160", "lwidth": "0.4", "lheight": "0.18"},
         {"_gvid": 1, "name": "a", "pos": "100,140", "width": "1", "height": "0.5",
          "_ldraw_": [{"op": "F", "size": 10, "face": "Helvetica"}, {"op": "T", "pt": [100, 137], "align": "c", "width": 8, "text": "a"},
                      {"op": "F", "size": 8, "face": "Helvetica"}, {"op": "T", "pt": [160, 137], "align": "c", "width": 20, "text": "note"}],
          "xlp": "160,140"},
         {"_gvid": 2, "name": "b", "pos": "100,40", "width": "1", "height": "0.5"},
         {"_gvid": 3, "name": "hidden", "pos": "100,40", "width": "1", "height": "0.5", "style": "invis"}
       ],
       "edges": [
         {"tail": 1, "head": 2, "lp": "110,50",
          "_ldraw_": [{"op": "F", "size": 8, "face": "Helvetica"},
                      {"op": "T", "pt": [110, 52], "align": "c", "width": 40, "text": "recv x"},
                      {"op": "T", "pt": [110, 42], "align": "c", "width": 30, "text": "[guard]"}]}
       ]}
      """;

  @Test
  void readsEveryBoxFromTheJson() {
    Layout l = Layout.parse(JSON);
    assertThat(l.nodes()).extracting(Layout.Box::what).containsExactly("node a", "node b");
    assertThat(l.labels()).extracting(Layout.Box::what).containsExactly("title", "label of cluster_x",
        "xlabel of a \"note\"", "label of a -> b \"recv x\\n[guard]\"");
    Layout.Box node = l.nodes().get(0);
    assertThat(node.x1() - node.x0()).isCloseTo(72, within(1e-9));
    assertThat(node.y1() - node.y0()).isCloseTo(36, within(1e-9));
    Layout.Box title = l.labels().get(0);
    assertThat(title.x1() - title.x0()).isCloseTo(36, within(1e-9));
    // An edge label: its widest line, and two lines of 8 points at Graphviz's 1.2 line spacing.
    Layout.Box edge = l.labels().get(3);
    assertThat(edge.x1() - edge.x0()).isCloseTo(40, within(1e-9));
    assertThat(edge.y1() - edge.y0()).isCloseTo(19.2, within(1e-9));
    // The node's own label is not the xlabel: only the line nearer xlp counts.
    Layout.Box xlabel = l.labels().get(2);
    assertThat(xlabel.x1() - xlabel.x0()).isCloseTo(20, within(1e-9));
  }

  @Test
  void findsTheLabelLyingOnANodeAndNamesBoth() {
    List<Layout.Overlap> overlaps = Layout.parse(JSON).overlaps();
    assertThat(overlaps).extracting(Object::toString).containsExactly("label of a -> b \"recv x\\n[guard]\" overlaps node b");
  }

  @Test
  void findsAnEdgeDrawnThroughAnotherLabelOrANodeItDoesNotJoin() {
    String json = """
        {"name": "g", "objects": [
           {"_gvid": 0, "name": "a", "pos": "0,100", "width": "0.5", "height": "0.25"},
           {"_gvid": 1, "name": "b", "pos": "0,0", "width": "0.5", "height": "0.25"},
           {"_gvid": 2, "name": "c", "pos": "0,50", "width": "0.5", "height": "0.25"},
           {"_gvid": 3, "name": "d", "pos": "100,50", "width": "0.5", "height": "0.25"}],
         "edges": [
           {"tail": 0, "head": 1, "lp": "10,75",
            "_draw_": [{"op": "b", "points": [[0,91],[0,70],[0,30],[0,9]]}],
            "_ldraw_": [{"op": "F", "size": 8}, {"op": "T", "pt": [10, 73], "align": "c", "width": 16, "text": "own"}]},
           {"tail": 2, "head": 3, "lp": "0,30",
            "_draw_": [{"op": "b", "points": [[18,50],[40,50],[60,50],[82,50]]}],
            "_ldraw_": [{"op": "F", "size": 8}, {"op": "T", "pt": [0, 28], "align": "c", "width": 30, "text": "other"}]}]}
        """;
    Layout l = Layout.parse(json);
    assertThat(l.crossings()).extracting(Object::toString).containsExactly(
        "edge a -> b \"own\" overlaps label of c -> d \"other\"", "edge a -> b \"own\" overlaps node c");
  }

  @Test
  void boxesThatOnlyTouchDoNotOverlap() {
    Layout.Box a = new Layout.Box("a", 0, 0, 10, 10);
    assertThat(a.overlaps(new Layout.Box("b", 10 - Layout.SLACK, 0, 20, 10), Layout.SLACK)).isFalse();
    assertThat(a.overlaps(new Layout.Box("b", 8, 8, 20, 20), Layout.SLACK)).isTrue();
    assertThat(a.overlaps(new Layout.Box("b", 5, 10.5, 20, 20), Layout.SLACK)).isFalse();
  }

  /** The embedded engine gives the JSON layout too, so CI without Graphviz measures as well. */
  @Test
  void theEmbeddedEngineLaysOutAndTheLabelKeepsItsMeasuredWidth() {
    try (Renderer r = Renderer.open(RenderOptions.defaults().withEngine(RenderOptions.Engine.EMBEDDED)
        .withEmbeddedLibraryDir(Path.of("target/j2v8")))) {
      Layout l = r.layout("digraph { graph [label=\"t\"]; a -> b [label=\"recv x\\n[guard]\", fontsize=8]; }");
      assertThat(l.nodes()).extracting(Layout.Box::what).containsExactly("node a", "node b");
      assertThat(l.labels()).extracting(Layout.Box::what).containsExactly("title", "label of a -> b \"recv x\\n[guard]\"");
      Layout.Box edge = l.labels().get(1);
      assertThat(edge.y1() - edge.y0()).isCloseTo(19.2, within(1e-9));
      assertThat(edge.x1() - edge.x0()).isGreaterThan(20);
      assertThat(l.overlaps()).isEmpty();
    }
  }
}
