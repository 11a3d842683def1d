package org.driftwatch.report.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.driftwatch.compare.Columns;
import org.junit.jupiter.api.Test;

/** The PSI overview's level lines span the whole plot, from before the first bar to after the last (#30 item 8). */
class ReportChartsTest {
    @Test
    void theFailLineReachesTheFirstBar() throws Exception {
        ReportCharts.Chart chart = ReportCharts.psiOverview("o", List.of(Columns.numerical("a").psi(0.8).build(),
            Columns.numerical("b").psi(0.2).build(), Columns.numerical("c").psi(0.05).build()), 0.1, 0.25);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(chart.png()));
        int longest = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y) & 0xffffff;
                run = rgb == 0xb3261e ? run + 1 : 0;   // the fail colour
                longest = Math.max(longest, run);
            }
        }
        assertTrue(longest > 0.85 * png.getWidth(), "the fail line spans " + longest + " of " + png.getWidth() + " px");
    }
}
