package tw.training.report;

import org.junit.jupiter.api.Test;
import tw.training.enrollment.EnrollmentStatus;

import java.util.List;
import java.util.regex.Pattern;

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

    private static CertificationReport.Line line(String username, int met) {
        return line(username, met, PLAN);
    }

    /** A learner who met the first {@code met} indicators of {@code plan}. */
    static CertificationReport.Line line(String username, int met, List<String> plan) {
        return new CertificationReport.Line(1, username, username, EnrollmentStatus.ACTIVE, met, plan.size(), met * 100 / plan.size(),
                met == plan.size(), null, null, null, plan.subList(0, met), List.of(), List.of(), List.of());
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
