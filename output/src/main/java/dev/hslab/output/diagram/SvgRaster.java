package dev.hslab.output.diagram;

import com.kitfox.svg.SVGDiagram;
import com.kitfox.svg.SVGException;
import com.kitfox.svg.SVGUniverse;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import javax.imageio.ImageIO;

/**
 * SVG drawn by this package (not by Graphviz) to PNG, in memory, with svgSalamander, the
 * rasterizer graphviz-java bundles and the embedded backend uses for its PNGs.
 */
final class SvgRaster {

  private SvgRaster() {}

  static byte[] png(String svg, double scale) {
    // svgSalamander reads font-family as one AWT font name, not a list (see EmbeddedBackend).
    String flat = svg.replaceAll("font-family=\"[^\"]*\"", "font-family=\"" + EmbeddedBackend.PNG_FONT + "\"");
    SVGUniverse universe = new SVGUniverse();
    URI uri = universe.loadSVG(new StringReader(flat), "hslab-" + Integer.toHexString(flat.hashCode()));
    SVGDiagram diagram = universe.getDiagram(uri);
    if (diagram == null) {
      throw new RenderException("cannot read the SVG to rasterize it");
    }
    diagram.setIgnoringClipHeuristic(true);
    int w = (int) Math.ceil(diagram.getWidth() * scale);
    int h = (int) Math.ceil(diagram.getHeight() * scale);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(scale, scale);
      diagram.render(g);
    } catch (SVGException e) {
      throw new RenderException("cannot rasterize the SVG: " + e.getMessage(), e);
    } finally {
      g.dispose();
    }
    return encode(image);
  }

  /** The image as PNG bytes. */
  static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new RenderException("cannot encode PNG: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
