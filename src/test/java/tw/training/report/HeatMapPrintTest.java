package tw.training.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import tw.training.printing.Pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The heat map as the PDF prints it on A4 landscape, looked at as pixels: SVG text is drawn as outlines, so the PDF's text layer
 * cannot say whether the labels made it. Rendered at 96 dpi, one pixel is one CSS pixel of the template.
 */
class HeatMapPrintTest {

    private static final List<String> PLAN = IntStream.range(0, 40).mapToObj(i -> "KPS5294-001v4:P" + (i / 4 + 1) + "." + (i % 4 + 1) + ".1").toList();
    private static final String PAGE = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>@page { size: A4 landscape; margin: 12mm; }"
            + " body { font-family: '" + Pdf.FONT_FAMILY + "'; }</style></head><body><div>%s</div></body></html>";

    @Test
    void itsLabelsAndLegendPrintUnscaledBesideTheGrid() throws IOException {
        List<CertificationReport.Line> cohort = List.of(line("chen.mei", 40), line("lin.hao", 20), line("王小明", 3));
        String svg = HeatMap.draw(cohort, PLAN, ReportDocuments.DOCUMENT_WORDS).get(0);

        BufferedImage labelled = print(svg);
        BufferedImage bare = print(svg.replaceAll("(?s)<text.*?</text>", ""));

        Box grid = box(bare, false);
        int printedWidth = grid.right - grid.left + 1;
        // forty columns of 20 pixels (810 / 40, at least 18)
        assertTrue(Math.abs(printedWidth - PLAN.size() * 20) <= 2, "one CSS pixel per pixel (give or take anti-aliasing): printed unscaled,"
                + " labels at 13 px, but the grid is " + printedWidth);
        assertTrue(dark(labelled, 0, grid.left, grid.top, grid.top + 36) > 50, "the learners' names left of their rows");
        assertTrue(dark(labelled, grid.left, grid.right + 1, 0, grid.top) > 200, "the indicator codes above their columns");
        assertEquals(0, dark(bare, 0, bare.getWidth(), 0, bare.getHeight()), "without its text the map has nothing dark: the counts are the labels");
        Box all = box(labelled, true);
        assertTrue(all.right < labelled.getWidth() - 40, "nothing runs into the right margin");
    }

    private static BufferedImage print(String svg) throws IOException {
        try (PDDocument document = Loader.loadPDF(new Pdf().print(PAGE.formatted(svg)))) {
            assertEquals(1, document.getNumberOfPages());
            return new PDFRenderer(document).renderImageWithDPI(0, 96);
        }
    }

    /** The smallest box around every pixel that is not white (or, if {@code darkOnly}, every dark pixel). */
    private static Box box(BufferedImage image, boolean darkOnly) {
        Box box = new Box();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (darkOnly ? isDark(rgb) : rgb != 0xffffff) {
                    box.add(x, y);
                }
            }
        }
        return box;
    }

    private static int dark(BufferedImage image, int fromX, int toX, int fromY, int toY) {
        int count = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = fromX; x < toX; x++) {
                count += isDark(image.getRGB(x, y) & 0xffffff) ? 1 : 0;
            }
        }
        return count;
    }

    /** Darker than any shade of the grid (the darkest, #1b6b2a, has a green of 0x6b). */
    private static boolean isDark(int rgb) {
        return (rgb >> 16 & 0xff) < 0x60 && (rgb >> 8 & 0xff) < 0x60 && (rgb & 0xff) < 0x60;
    }

    private static CertificationReport.Line line(String username, int met) {
        return ReportChartsTest.line(username, met, PLAN);
    }

    private static final class Box {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;

        void add(int x, int y) {
            left = Math.min(left, x);
            top = Math.min(top, y);
            right = Math.max(right, x);
            bottom = Math.max(bottom, y);
        }
    }
}
