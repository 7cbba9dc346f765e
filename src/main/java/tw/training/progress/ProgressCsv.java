package tw.training.progress;

import tw.training.printing.Csv;
import tw.training.printing.CsvLabels;

import java.util.List;

/** The cohort as a spreadsheet: one line per enrollment with its summary and met indicators. */
final class ProgressCsv {

    private ProgressCsv() {
    }

    static String of(CourseProgress cohort, CsvLabels labels) {
        List<String> columns = List.of("enrollmentId", "username", "displayName", "status", "indicatorsMet", "indicatorsTotal", "percent",
                "complete", "metIndicators");
        Csv csv = new Csv(columns.stream().map(column -> labels.header("progress", column)).toList());
        for (CourseProgress.Row row : cohort.enrollments()) {
            csv.line(List.of(String.valueOf(row.enrollmentId()), row.learner().username(), row.learner().displayName(),
                    labels.code("enrollment.status", row.status()), String.valueOf(row.summary().indicatorsMet()),
                    String.valueOf(row.summary().indicatorsTotal()), String.valueOf(row.summary().percent()), labels.yesNo(row.summary().complete()),
                    String.join(" ", row.metIndicators())));
        }
        return csv.toString();
    }
}
