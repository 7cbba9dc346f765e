package tw.training.report;

import org.junit.jupiter.api.Test;
import tw.training.enrollment.EnrollmentStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportChartsTest {

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

        assertEquals(4, count(svg, "fill=\"#1b6b2a\""), "the complete learner's row, full colour");
        assertEquals(1 + 4, count(svg, "<rect "), "background and one cell per met indicator");
    }

    @Test
    void aLargeCohortIsBandedIntoAtMostAHundredRows() {
        List<CertificationReport.Line> cohort = new ArrayList<>();
        IntStream.range(0, 1_000).forEach(i -> cohort.add(line("l" + i, i % 5)));

        String svg = ReportCharts.heatMap(cohort, PLAN);

        assertEquals(10, ReportCharts.learnersPerRow(1_000));
        int height = Integer.parseInt(svg.replaceAll("(?s)^<svg[^>]*? height=\"(\\d+)\".*", "$1"));
        assertTrue(height <= 300, "rows fit: " + height);
        assertTrue(count(svg, "<rect ") <= 1 + 100 * PLAN.size());
    }

    /** A learner who met the first {@code met} indicators of the plan. */
    private static CertificationReport.Line line(String username, int met) {
        return new CertificationReport.Line(1, username, username, EnrollmentStatus.ACTIVE, met, PLAN.size(), met * 100 / PLAN.size(),
                met == PLAN.size(), null, null, null, PLAN.subList(0, met));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
