package tw.training.report;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import tw.training.enrollment.EnrollmentStatus;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportChartsTest {

    /** A4 less the report's 12 mm margins, at the PDF printer's 96 pixels per inch. */
    private static final int A4_CONTENT_PIXELS = (int) ((210 - 2 * 12) / 25.4 * 96);
    private static final List<String> PLAN = List.of("S:P1", "S:P2", "S:P3", "S:P4");

    @Test
    void theCompletionChartCountsLearnersPerBandWithCompleteApart() {
        String svg = ReportCharts.completion(List.of(line("a", 0), line("b", 3), line("c", 4), line("d", 4)));

        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertEquals(11, count(svg, "<rect "), "eleven bars");
        assertTrue(svg.contains(">2</text>"), "two complete learners: " + svg);
        assertTrue(svg.contains(">100%</text>"));
    }

    @Test
    void theHeatMapShadesByTheShareOfARowsLearnersWhoMetAnIndicator() {
        String svg = ReportCharts.heatMap(List.of(line("a", 4), line("b", 0)), PLAN);

        String cells = group(svg, "cells");
        assertEquals(4, count(cells, "fill=\"#1b6b2a\""), "the complete learner's row, full colour");
        assertEquals(1 + 4, count(cells, "<rect "), "background and one cell per met indicator");
    }

    @Test
    void theHeatMapNamesItsColumnsRowsAndShades() throws Exception {
        String svg = ReportCharts.heatMap(List.of(line("a", 4), line("<b>&amp", 1)), PLAN);

        parse(svg);
        String columns = group(svg, "columns");
        for (String code : List.of("P1", "P2", "P3", "P4")) {
            assertTrue(columns.contains("</title>" + code + "</text>"), code + " labels its column: " + columns);
        }
        assertTrue(columns.contains("<title>S:P1</title>"), "the full key on hover");
        String rows = group(svg, "rows");
        assertTrue(rows.indexOf(">a</text>") < rows.indexOf(">&lt;b&gt;&amp;amp</text>"), "learners by progress, escaped: " + rows);
        String legend = group(svg, "legend");
        assertEquals(11, count(legend, "<rect "), "a swatch per tenth");
        assertTrue(legend.contains(">0%</text>") && legend.contains(">100%</text>"), legend);
    }

    @Test
    void aBandedCohortLabelsItsRowsByRankAsDenselyAsTextFits() {
        List<CertificationReport.Line> cohort = new ArrayList<>();
        IntStream.range(0, 1_000).forEach(i -> cohort.add(line("l" + i, i % 5)));

        String rows = group(ReportCharts.heatMap(cohort, PLAN), "rows");

        assertTrue(rows.contains(">1-10</text>"), rows);
        assertTrue(rows.contains(">41-50</text>"), "every fourth three-pixel row: " + rows);
        assertFalse(rows.contains(">11-20</text>"), "labels never overlap");
    }

    @Test
    void aLongPlanStaysWithinTheWidthOfAnA4Page() throws Exception {
        List<String> plan = IntStream.range(0, 80).mapToObj(i -> "KPS5294-001v4:P" + i + ".1.1").toList();

        String svg = ReportCharts.heatMap(List.of(line("a", 0)), plan);

        int width = Integer.parseInt(svg.replaceAll("(?s)^<svg[^>]*? width=\"(\\d+)\".*", "$1"));
        assertTrue(width <= A4_CONTENT_PIXELS, "prints unscaled: " + width);
        String columns = group(svg, "columns");
        assertTrue(columns.contains(">P0.1.1</text>") && !columns.contains(">P1.1.1</text>") && columns.contains(">P2.1.1</text>"),
                "six-pixel columns: every other code, the document left to the hover title: " + columns);
        parse(svg);
    }

    @Test
    void aLargeCohortIsBandedIntoAtMostAHundredRows() {
        List<CertificationReport.Line> cohort = new ArrayList<>();
        IntStream.range(0, 1_000).forEach(i -> cohort.add(line("l" + i, i % 5)));

        String svg = ReportCharts.heatMap(cohort, PLAN);

        assertEquals(10, ReportCharts.learnersPerRow(1_000));
        String cells = group(svg, "cells");
        int height = Integer.parseInt(cells.replaceAll("(?s)^.*?<rect width=\"\\d+\" height=\"(\\d+)\".*", "$1"));
        assertTrue(height <= 300, "rows fit: " + height);
        assertTrue(count(group(svg, "cells"), "<rect ") <= 1 + 100 * PLAN.size());
    }

    private static CertificationReport.Line line(String username, int met) {
        return line(username, met, PLAN);
    }

    /** A learner who met the first {@code met} indicators of {@code plan}. */
    static CertificationReport.Line line(String username, int met, List<String> plan) {
        return new CertificationReport.Line(1, username, username, EnrollmentStatus.ACTIVE, met, plan.size(), met * 100 / plan.size(),
                met == plan.size(), null, null, null, plan.subList(0, met));
    }

    /** The markup of the heat map's group of that class. */
    private static String group(String svg, String name) {
        int start = svg.indexOf("<g class=\"" + name + "\"");
        assertTrue(start >= 0, name + " in " + svg);
        return svg.substring(start, svg.indexOf("</g>", start));
    }

    private static void parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
