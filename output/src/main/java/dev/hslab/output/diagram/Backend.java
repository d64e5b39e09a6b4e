package dev.hslab.output.diagram;

/** One way of running Graphviz: the native {@code dot} or the embedded engine. */
interface Backend extends AutoCloseable {

  /** {@code native} or {@code embedded}, for diagnostics and tests. */
  String name();

  String svg(String dot);

  byte[] png(String dot);

  /** The layout as Graphviz's JSON output ({@code -Tjson}): every node's and label's position and size. */
  String json(String dot);

  @Override
  void close();
}
