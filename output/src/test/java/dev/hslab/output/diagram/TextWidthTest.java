package dev.hslab.output.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The ladder diagram lays its text out with {@link TextWidth}'s Helvetica widths; a browser draws
 * Helvetica or a metric twin. Checked against such a twin's own metrics (Liberation Sans, made
 * metric-compatible with Arial and so with Helvetica), read by Java from the installed font file.
 */
class TextWidthTest {

  @Test
  void everyPrintableCharacterIsAsWideAsInAHelveticaMetricTwin() {
    String family = "Liberation Sans";
    Assumptions.assumeTrue(Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
        .getAvailableFontFamilyNames(Locale.ROOT)).contains(family), family + " is not installed");
    FontRenderContext frc = new FontRenderContext(null, true, true);
    for (boolean bold : new boolean[] {false, true}) {
      Font font = new Font(family, bold ? Font.BOLD : Font.PLAIN, 1000);
      for (char c = 32; c <= 126; c++) {
        String s = String.valueOf(c);
        double twin = font.getStringBounds(s, frc).getWidth();
        assertThat(TextWidth.of(s, 1000, bold)).as("'%s'%s", s, bold ? " bold" : "").isCloseTo(twin, within(12.0));
      }
      String label = "6. client_key_exchange  \u00d7 dropped";
      assertThat(TextWidth.of(label, 11, bold)).isCloseTo(font.deriveFont(11f).getStringBounds(label, frc).getWidth(),
          within(0.02 * TextWidth.of(label, 11, bold)));
    }
  }
}
