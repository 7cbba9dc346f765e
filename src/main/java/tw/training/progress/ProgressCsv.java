package tw.training.progress;

import tw.training.printing.Csv;

import java.util.List;

/** The cohort as a spreadsheet: one line per enrollment with its summary and met indicators. */
final class ProgressCsv {

    private ProgressCsv() {
    }

    static String of(CourseProgress cohort) {
        Csv csv = new Csv(List.of("enrollmentId", "username", "displayName", "status", "indicatorsMet", "indicatorsTotal", "percent",
                "complete", "metIndicators"));
        for (CourseProgress.Row row : cohort.enrollments()) {
            csv.line(List.of(String.valueOf(row.enrollmentId()), row.learner().username(), row.learner().displayName(),
                    row.status().name(), String.valueOf(row.summary().indicatorsMet()), String.valueOf(row.summary().indicatorsTotal()),
                    String.valueOf(row.summary().percent()), String.valueOf(row.summary().complete()), String.join(" ", row.metIndicators())));
        }
        return csv.toString();
    }
}
