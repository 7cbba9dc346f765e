package tw.training.progress;

import java.util.List;

/**
 * The cohort as CSV that opens cleanly in Excel: UTF-8 with a byte-order mark (so Chinese shows as written),
 * CRLF line ends, every field quoted.
 */
final class ProgressCsv {

    private ProgressCsv() {
    }

    static String of(CourseProgress cohort) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, List.of("enrollmentId", "username", "displayName", "status", "indicatorsMet", "indicatorsTotal", "percent",
                "complete", "metIndicators"));
        for (CourseProgress.Row row : cohort.enrollments()) {
            line(csv, List.of(String.valueOf(row.enrollmentId()), row.learner().username(), row.learner().displayName(),
                    row.status().name(), String.valueOf(row.summary().indicatorsMet()), String.valueOf(row.summary().indicatorsTotal()),
                    String.valueOf(row.summary().percent()), String.valueOf(row.summary().complete()), String.join(" ", row.metIndicators())));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            // a leading = + - @ would make Excel evaluate a formula: prefix it so it stays text
            if (!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0) {
                field = "'" + field;
            }
            csv.append(i == 0 ? "" : ",").append('"').append(field.replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }
}
