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

/** Issue 30, point 6: the heat map's states, names, legend and parts. */
class HeatMapTest {

    /** A4 landscape less the report's 12 mm margins, at the PDF printer's 96 pixels per inch. */
    private static final int A4_LANDSCAPE_PIXELS = (int) ((297 - 2 * 12) / 25.4 * 96);
    private static final List<String> PLAN = List.of("S:P1", "S:P2", "S:P3", "S:P4");
    private static final HeatMap.Words WORDS = new HeatMap.Words("達成", "尚未達成", "待評量", "尚無證據", "該列學員中達成者的比例");

    @Test
    void aLearnersRowShowsWhatTheyHaveDoneOnEachIndicatorNotOnlyWhatTheyMet() {
        CertificationReport.Line trying = new CertificationReport.Line(2, "b", "乙", EnrollmentStatus.ACTIVE, 1, 4, 25, false, null, null, null,
                List.of("S:P1"), List.of("S:P2"), List.of("S:P3"), List.of());

        List<String> parts = HeatMap.draw(List.of(line("a", "甲", 4, PLAN), trying), PLAN, WORDS);

        assertEquals(1, parts.size());
        String cells = group(parts.get(0), "cells");
        assertEquals(5, count(cells, "fill=\"" + HeatMap.MET + "\""), "four cells of the first learner, one of the second");
        assertEquals(1, count(cells, "fill=\"" + HeatMap.AWAITING + "\""), "P2 awaits judgement");
        assertEquals(1, count(cells, "fill=\"" + HeatMap.NOT_YET + "\""), "P3 was judged not yet");
        assertEquals(1 + 7, count(cells, "<rect "), "the background (nothing yet) and seven cells");
    }

    @Test
    void rowsAreNamedByDisplayNameAndTheLegendIsInTheReadersWords() throws Exception {
        String svg = HeatMap.draw(List.of(line("a", "陳小明", 4, PLAN), line("<b>&amp", "<林>", 1, PLAN)), PLAN, WORDS).get(0);

        parse(svg);
        String rows = group(svg, "rows");
        assertTrue(rows.indexOf(">陳小明</text>") < rows.indexOf(">&lt;林&gt;</text>"), "by progress, by display name, escaped: " + rows);
        assertTrue(rows.contains("<title>&lt;b&gt;&amp;amp</title>"), "the username on hover");
        String columns = group(svg, "columns");
        for (String code : List.of("P1", "P2", "P3", "P4")) {
            assertTrue(columns.contains("</title>" + code + "</text>"), code + " labels its column: " + columns);
        }
        String legend = group(svg, "legend");
        for (String word : List.of("達成", "尚未達成", "待評量", "尚無證據")) {
            assertTrue(legend.contains(">" + word + "</text>"), word + " in the legend: " + legend);
        }
        assertTrue(svg.contains("font-size=\"13\""), "labels readable at thirteen pixels");
        String longName = HeatMap.draw(List.of(line("c", "歐陽".repeat(10), 1, PLAN)), PLAN, WORDS).get(0);
        assertTrue(group(longName, "rows").contains(">歐陽歐陽歐陽歐陽歐陽歐…</text>"), "a long name cut to fit its margin: " + group(longName, "rows"));
    }

    @Test
    void aLargeCohortIsSplitIntoPartsOfTwentyFiveRowsAndALongPlanIntoPartsThatFitA4Landscape() throws Exception {
        List<String> plan = IntStream.range(0, 80).mapToObj(i -> "KPS5294-001v4:P" + i + ".1.1").toList();
        List<CertificationReport.Line> cohort = new ArrayList<>();
        IntStream.range(0, 60).forEach(i -> cohort.add(line("l" + i, "學員" + i, i % 5, plan)));

        List<String> parts = HeatMap.draw(cohort, plan, WORDS);

        assertEquals(3 * 2, parts.size(), "three bands of rows, two of columns");
        for (String part : parts) {
            parse(part);
            int width = Integer.parseInt(part.replaceAll("(?s)^<svg[^>]*? width=\"(\\d+)\".*", "$1"));
            assertTrue(width <= A4_LANDSCAPE_PIXELS, "prints unscaled on A4 landscape: " + width);
            assertTrue(count(group(part, "rows"), "<text ") <= HeatMap.ROWS_PER_PART);
            assertTrue(count(group(part, "legend"), "<text ") == 4, "every part has its legend");
        }
        assertTrue(group(parts.get(0), "columns").contains(">P0.1.1</text>") && group(parts.get(1), "columns").contains(">P45.1.1</text>"),
                "every code labelled, the second part going on where the first stopped");
        assertTrue(group(parts.get(2), "rows").contains(">學員"), "the second band names its learners too");
    }

    @Test
    void aCohortOfMoreThanFourHundredIsBandedByRankAndShadedByTheShareWhoMet() {
        List<CertificationReport.Line> cohort = new ArrayList<>();
        IntStream.range(0, 1_000).forEach(i -> cohort.add(line("l" + i, "學員" + i, i % 5, PLAN)));

        List<String> parts = HeatMap.draw(cohort, PLAN, WORDS);

        assertEquals(3, HeatMap.learnersPerRow(1_000));
        assertEquals((1_000 / 3 + 1 + HeatMap.ROWS_PER_PART - 1) / HeatMap.ROWS_PER_PART, parts.size());
        String rows = group(parts.get(0), "rows");
        assertTrue(rows.contains(">1-3</text>") && rows.contains(">4-6</text>"), rows);
        assertFalse(rows.contains("學員"), "bands are ranks, not names");
        assertTrue(group(parts.get(0), "legend").contains(">該列學員中達成者的比例</text>"));
    }

    /** A learner who met the first {@code met} indicators of {@code plan}. */
    private static CertificationReport.Line line(String username, String name, int met, List<String> plan) {
        return new CertificationReport.Line(1, username, name, EnrollmentStatus.ACTIVE, met, plan.size(), met * 100 / plan.size(),
                met == plan.size(), null, null, null, plan.subList(0, met), List.of(), List.of(), List.of());
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
